// The pages of the app by name. Which of them a signed-in user may open, and which the menu shows,
// is the server's answer in the session (server/modules/access/pages.ts); the web only draws it.
export const PAGE_KEYS = [
  'people', 'register', 'teams', 'adminUnits', 'adminStaff', 'adminGuide', 'worries', 'audit', 'myPage', 'absence', 'adminCatalogue', 'findHelp', 'intake', 'systemMeetings',
  'cwQueue', 'cwMine', 'cwConsult', // reports to child welfare: the intake's queue, the reporter's own, anonymous consultation
  'familyEfforts', // level-2 whole-family efforts: the intake's, the leader's, the requester's
  'enrolled', // the children enrolled at one's own kindergarten or school
  'handbook', 'adminHandbook', // the digital handbook: reading it (staff-only pages too), and writing it
  'indicators', 'annualReport', // the outcome track: the indicator register and the annual status report
  'adminQuestionnaires', // the instruments (screening forms) and their versions
  'survey', // the collaboration survey: scheduling rounds and reading results (anyone on staff answers from a link)
  'planQueue', // Koordinerende enhet's requests for an individual plan or a coordinator
] as const;

export type PageKey = (typeof PAGE_KEYS)[number];
