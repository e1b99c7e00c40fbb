// A meeting invitation as an iCalendar file (RFC 5545), so that it lands in the participant's
// calendar. The summary names the team, never the child: calendars are shared and synced.
// ical-generator writes the file: it escapes text values (backslash, semicolon, comma and every
// kind of line break) and folds long lines, so no value can end a line and start a property of its
// own. The text schemas refuse control characters before anything is stored; this is the second
// wall, for values that came from elsewhere.
import ical, { ICalAttendeeRole, ICalCalendarMethod } from 'ical-generator';

export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  organizerEmail: string | null;
  attendees: string[];
}

/** `stamp` is when the invitation was made (DTSTAMP): the caller's clock, so the file is reproducible. */
export function calendarFile(event: CalendarEvent, stamp: Date): string {
  const calendar = ical({ prodId: { company: 'Sammen', product: 'Teammøte', language: 'NO' }, method: ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: event.uid,
    stamp,
    start: event.start,
    end: event.end,
    summary: event.summary,
    location: event.location,
    description: event.description,
    // The organizer's name is required by the library; the address is all a calendar needs.
    ...(event.organizerEmail ? { organizer: { name: event.organizerEmail, email: event.organizerEmail } } : {}),
    attendees: event.attendees.map((email) => ({ email, role: ICalAttendeeRole.REQ, rsvp: true })),
  });
  // Every content line ends with CRLF, the last one too (RFC 5545, 3.1).
  return `${calendar.toString()}\r\n`;
}
