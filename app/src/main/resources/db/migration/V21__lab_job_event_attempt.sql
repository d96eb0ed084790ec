-- Events are numbered per attempt: a runner that takes over a re-queued job starts again at seq 1, and its events
-- must not be mistaken for re-sent copies of the dead runner's.
alter table lab_job_event add column attempt integer not null default 1;
alter table lab_job_event drop constraint lab_job_event_seq_uk;
alter table lab_job_event add constraint lab_job_event_attempt_seq_uk unique (job_id, attempt, seq);
