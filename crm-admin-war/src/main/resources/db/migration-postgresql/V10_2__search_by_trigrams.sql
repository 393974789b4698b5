-- PostgreSQL only. A search is "search_key LIKE '%text%'", which no B-tree index can seek, so without this PostgreSQL
-- reads every user twice per search (the count and the page): at 100,000 users a search for one name took 70 ms of
-- server time. A trigram index (pg_trgm, shipped with PostgreSQL) finds those users directly: 14 ms. pg_trgm is a
-- trusted extension: the database's owner may create it. Where the CRM's database user may not (or the server lacks
-- it), the CRM still starts and searches without the index; the README says how a DBA adds it later.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE WARNING 'The users list''s search has no trigram index: pg_trgm cannot be created here (%). '
        'See "Searching many users on PostgreSQL" in the README.', SQLERRM;
END $$;

-- The operator class lives in whichever schema holds the extension (a DBA may have created it elsewhere before).
DO $$
DECLARE
    trgm_schema name := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                         WHERE e.extname = 'pg_trgm');
BEGIN
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX crm_user_search_trgm ON crm_user USING gin (search_key %I.gin_trgm_ops)', trgm_schema);
    END IF;
END $$;
