-- The account and offering tables exist now (V1, V3): a job belongs to a real student and, when it counts for a
-- course, to a real offering (lab_job.course_id holds the offering id: caps and fair share work per class).
alter table lab_job add constraint lab_job_user_fk foreign key (user_id) references app_user (id);
alter table lab_job add constraint lab_job_offering_fk foreign key (course_id) references offering (id);
