-- Work that one CRM instance at a time may do (a scheduled job's turn, a bulk run) is claimed here, for a term the
-- holder renews while it works: when its instance dies, the term runs out and another instance takes the work over.
CREATE TABLE work_lease (
    name       VARCHAR(100) PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The timers' jobs, unclaimed: every instance's first claim then only updates a row, and two first claims at the
-- same moment cannot collide on the key. (A bulk run's row is made by the instance that starts the run.)
INSERT INTO work_lease (name, holder, held_until) VALUES
    ('job:Link expiry', '', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00'),
    ('job:Missed-report recovery', '', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00'),
    ('job:Pruning received reports', '', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00'),
    ('job:Resuming stalled bulk runs', '', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
