-- Work that one CRM instance at a time may do (a scheduled job's turn, a bulk run) is claimed here, for a term the
-- holder renews while it works: when its instance dies, the term runs out and another instance takes the work over.
CREATE TABLE work_lease (
    name       VARCHAR(100) PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);
