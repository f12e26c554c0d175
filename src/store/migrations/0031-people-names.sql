-- Issue 21: people have a name and a job title, shown where they signed or
-- own something ("signed off by Dr Jane Smith, Clinical Safety Officer"), not
-- only a username. Empty until set: a username is then what is shown.
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
