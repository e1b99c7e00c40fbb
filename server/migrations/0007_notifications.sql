-- Notifications (varsler) in the app and by e-mail, and the e-mail outbox. An e-mail never holds a
-- child's name, national id or case content: it says that there is something new in Sammen and
-- links there (see server/modules/notifications/service.ts).

-- A citizen chooses whether new notifications are also announced by e-mail (off until they opt in).
ALTER TABLE citizen_account ADD COLUMN email_notifications boolean NOT NULL DEFAULT false;

CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Exactly one recipient: a staff user, or a citizen by their person (an account may come later).
  staff_user_id uuid REFERENCES staff_user(id),
  person_id uuid REFERENCES person(id),
  kind text NOT NULL CHECK (kind ~ '^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$'),
  subject_person_id uuid REFERENCES person(id), -- the child concerned
  params jsonb NOT NULL DEFAULT '{}'::jsonb, -- filled into the text notifications.<kind>
  link text NOT NULL CHECK (link ~ '^/[^/]'), -- a path inside the app, never another site
  -- The same key gives one notification, ever: reminder jobs run in several server processes.
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  CHECK ((staff_user_id IS NULL) <> (person_id IS NULL))
);
-- Serves "my notifications, newest first" and the unread count for staff and for citizens.
CREATE INDEX notification_staff ON notification (staff_user_id, created_at DESC) WHERE staff_user_id IS NOT NULL;
CREATE INDEX notification_person ON notification (person_id, created_at DESC) WHERE person_id IS NOT NULL;

-- The e-mail outbox. A row is written in the transaction that decides to send; a job (email.send)
-- delivers it through SMTP, or, with no SMTP configured, marks it delivered to the development
-- mailbox. The row is locked and marked sent in one transaction, so a mail goes out once.
CREATE TABLE outbound_email (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL CHECK (to_address ~ '^[^@\s]+@[^@\s]+$'),
  subject text NOT NULL CHECK (length(trim(subject)) > 0),
  body_text text NOT NULL,
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  notification_id uuid REFERENCES notification(id),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'dev_mailbox', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  message_id text, -- the SMTP server's id for a sent mail
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CHECK ((status IN ('sent', 'dev_mailbox')) = (sent_at IS NOT NULL))
);
-- Serves the development mailbox: newest first.
CREATE INDEX outbound_email_created ON outbound_email (created_at DESC);

-- Files sent with a mail (e.g. an ICS calendar invitation to a meeting).
CREATE TABLE outbound_email_attachment (
  email_id uuid NOT NULL REFERENCES outbound_email(id),
  position integer NOT NULL CHECK (position > 0),
  filename text NOT NULL CHECK (length(trim(filename)) > 0),
  content_type text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (email_id, position)
);
