// Name and street lists for the fictional municipality. Common Norwegian names (SSB's frequent
// names of the relevant birth years) so that the demo looks familiar; any likeness to a real
// person is chance, and every national id is synthetic.

export const CHILD_GIVEN_NAMES = {
  female: [
    'Emma', 'Nora', 'Sofie', 'Olivia', 'Ella', 'Sara', 'Ingrid', 'Leah', 'Maja', 'Frida', 'Hedda', 'Astrid',
    'Selma', 'Ida', 'Thea', 'Vilde', 'Julie', 'Amalie', 'Tiril', 'Emilie', 'Mia', 'Aurora', 'Hanna', 'Linnea',
    'Sigrid', 'Eva', 'Alma', 'Jenny', 'Live', 'Oda', 'Mathilde', 'Marie', 'Andrea', 'Karoline', 'Ingeborg',
    'Mille', 'Agnes', 'Tuva', 'Ronja', 'Iben', 'Solveig', 'Martine', 'Kaja', 'Malin', 'Helene', 'Synne',
  ],
  male: [
    'Jakob', 'Emil', 'Noah', 'Oliver', 'Filip', 'William', 'Lucas', 'Liam', 'Henrik', 'Oskar', 'Aksel',
    'Theodor', 'Elias', 'Kasper', 'Magnus', 'Johannes', 'Isak', 'Mathias', 'Tobias', 'Sander', 'Jonas',
    'Adrian', 'Sebastian', 'Markus', 'Kristian', 'Even', 'Ludvig', 'Olav', 'Edvard', 'Sverre', 'Håkon',
    'Iver', 'Mikkel', 'Eirik', 'Sigurd', 'Vetle', 'Torstein', 'Fredrik', 'Benjamin', 'Johan', 'Ulrik',
    'Herman', 'Halvor', 'Storm', 'Brage', 'Peder',
  ],
} as const;

export const ADULT_GIVEN_NAMES = {
  female: [
    'Anne', 'Kari', 'Marit', 'Ingrid', 'Hilde', 'Silje', 'Ingvild', 'Camilla', 'Kristin', 'Marianne', 'Ida',
    'Linn', 'Lene', 'Tone', 'Heidi', 'Hege', 'Mona', 'Monica', 'Elin', 'Randi', 'Ragnhild', 'Stine', 'Nina',
    'Cecilie', 'Tonje', 'Maria', 'Julie', 'Siri', 'Anette', 'Trine', 'Kristine', 'Mari', 'Marte', 'Line',
    'Guro', 'Therese', 'Karianne', 'Gunn', 'Eli', 'Liv', 'Sissel', 'Wenche', 'Vibeke', 'Malin', 'Ane', 'Synnøve',
  ],
  male: [
    'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjetil', 'Morten', 'Thomas', 'Martin', 'Andreas', 'Espen', 'Geir',
    'Trond', 'Terje', 'Knut', 'Rune', 'Stian', 'Tor', 'Hans', 'Jørgen', 'Kristoffer', 'Erik', 'Anders',
    'Magnus', 'Øyvind', 'Vegard', 'Eirik', 'Håvard', 'Jon', 'Arne', 'Svein', 'Tommy', 'Christian', 'Daniel',
    'Marius', 'Sindre', 'Ståle', 'Frode', 'Gaute', 'Jostein', 'Audun', 'Henning', 'Dag', 'Pål', 'Sigve',
  ],
} as const;

export const FAMILY_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen',
  'Jacobsen', 'Halvorsen', 'Henriksen', 'Jørgensen', 'Sørensen', 'Lund', 'Moen', 'Gundersen', 'Iversen',
  'Strand', 'Solberg', 'Svendsen', 'Knutsen', 'Martinsen', 'Paulsen', 'Kristoffersen', 'Mathisen', 'Lie',
  'Amundsen', 'Rasmussen', 'Berge', 'Nygaard', 'Fredriksen', 'Holm', 'Lien', 'Hauge', 'Christensen',
  'Andresen', 'Knudsen', 'Evensen', 'Sæther', 'Myhre', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen',
  'Berntsen', 'Sandvik', 'Rønning', 'Arnesen', 'Antonsen', 'Næss', 'Ellingsen', 'Thorsen', 'Edvardsen',
  'Birkeland', 'Isaksen', 'Gulbrandsen', 'Ruud', 'Tangen', 'Ødegård', 'Eliassen', 'Helland', 'Bøe',
  'Aune', 'Mikkelsen', 'Tveit', 'Brekke', 'Abrahamsen', 'Madsen', 'Hovland', 'Fjeld', 'Ness', 'Bjørnstad',
  'Engen', 'Vold', 'Skog', 'Wold', 'Nguyen', 'Ali', 'Ahmed', 'Khan', 'Nowak', 'Kowalski', 'Hussain',
] as const;

/** Names for newly arrived families (nyankomne), who may have a D-number or no national id yet. */
export const NEWLY_ARRIVED_NAMES = {
  female: ['Olena', 'Iryna', 'Sofiia', 'Anastasiia', 'Amina', 'Mariam', 'Fatima', 'Zahra', 'Hana', 'Selam', 'Rahel', 'Nour'],
  male: ['Dmytro', 'Mykola', 'Bohdan', 'Oleksandr', 'Yusuf', 'Omar', 'Ahmad', 'Mohammad', 'Yonas', 'Dawit', 'Karim', 'Samir'],
  family: [
    'Kovalenko', 'Shevchenko', 'Bondarenko', 'Melnyk', 'Haddad', 'Rahimi', 'Hosseini', 'Ahmadi', 'Noori',
    'Tesfaye', 'Gebremedhin', 'Haile', 'Al-Sayed', 'Mansour',
  ],
} as const;

/** Fictional streets of Fjordvik by area (bydel). */
export const STREETS = {
  Nord: [
    'Fjellveien', 'Nordlysveien', 'Lyngbakken', 'Bjørkelia', 'Reinveien', 'Myrveien', 'Bekkestien', 'Furulia',
    'Skarvheia', 'Nordheimsvegen', 'Stormyra', 'Vardeveien',
  ],
  Sentrum: [
    'Storgata', 'Kirkegata', 'Torggata', 'Brygga', 'Havnegata', 'Skolegata', 'Kaiveien', 'Rådhusgata',
    'Fjordgata', 'Sjøbodveien', 'Prestegårdsveien', 'Tollbugata',
  ],
  Sør: [
    'Sørvikveien', 'Måkeveien', 'Strandveien', 'Blåbærstien', 'Lyngmoveien', 'Tjernveien', 'Granlia',
    'Sandvikveien', 'Solbakken', 'Heggeveien', 'Trollskogveien', 'Nesveien',
  ],
} as const;

/** A name as lower-case ASCII for usernames and e-mail addresses (æ→ae, ø→o, å→a). */
export function asciiHandle(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9-]/g, '');
}
