import type { Generated } from 'kysely';

/* The platform's own tables: the mail outbox, in-app notifications, the audit chain and the job queue. */

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  to_name: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  template: string;
  locale: 'id' | 'en';
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  message_id: string | null;
  eml_path: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1: the message carries a secret link; its real bodies are in outbox_secrets until delivered. */
  has_secret: Generated<number>;
  /** Whose mail/event this is (migration 0012): decides who may read it; none = system administrator only. */
  competition_id: Generated<number | null>;
  organizer_institution_id: Generated<number | null>;
  institution_id: Generated<number | null>;
  /** 1: about the installation's reference data (institutions, awards, admin requests). */
  reference_data: Generated<number>;
}

/** The real bodies of a message with a secret link, until it is delivered or the link expires (0012). */
export interface OutboxSecretTable {
  outbox_id: number;
  text_body: string;
  html_body: string | null;
  expires_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON: { before?, after?, ...details } */
  summary: string;
  ip: string | null;
  created_at: string;
  /** The hash of the event before it in the chain; null for the first one and until it is linked. */
  prev_hash: string | null;
  /** Its link (HMAC with the audit key); '' until the linker linked it (platform/audit-linker.ts). */
  hash: string;
  /** Its place in the chain (1, 2, …), set when linked; null until then (migration 0050). */
  chain_seq: Generated<number | null>;
  /** Whose mail/event this is (migration 0012): decides who may read it; none = system administrator only. */
  competition_id: Generated<number | null>;
  organizer_institution_id: Generated<number | null>;
  institution_id: Generated<number | null>;
  /** 1: about the installation's reference data (institutions, awards, admin requests). */
  reference_data: Generated<number>;
  /** 1: hashed with the audit key (HMAC-SHA256); 0: an unkeyed event from before migration 0012. */
  keyed: Generated<number>;
}

/** The chain's count and head, signed with the audit key (migration 0012). */
export interface AuditCheckpointTable {
  name: string;
  event_count: number;
  last_event_id: number;
  head_hash: string | null;
  created_at: string;
  mac: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** Unique so the same timed event is scheduled (and run) once. */
  unique_key: string;
  run_at: string;
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/**
 * One fixed window of a shared limit (migration 0049): the requests counted under `key` since
 * `window_start` (epoch ms) until `expires_at` (epoch ms). Every app process counts in the same row, so a
 * limit holds however many processes serve its users.
 */
export interface RateLimitWindowTable {
  key: string;
  window_start: number;
  expires_at: number;
  count: number;
}
