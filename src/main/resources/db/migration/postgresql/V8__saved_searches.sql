-- Saved searches: a filter a person typed in the search box, kept under a name as a list of its own in the sidebar.
-- One row per saved search, owned by one person (and gone with them). A name is unique per person; the app also
-- refuses names that differ only in case. The filter is the filter language's text, read again at each start.
-- PostgreSQL spelling (SERIAL, sequence saved_searches_id_seq; lengths in characters); the H2 file of the same
-- version has an identity column.
CREATE TABLE saved_searches (
    id SERIAL NOT NULL,
    user_id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    filter_text VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    CONSTRAINT saved_searches_pkey PRIMARY KEY (id),
    CONSTRAINT saved_searches_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT saved_searches_user_id_name_key UNIQUE (user_id, name)
);

-- On the shared server saved searches are protected like tasks (V4) and their history (V6): every statement, the
-- owner's included (FORCE), sees and writes only the signed-in user's rows. SharedServerSetup grants the client
-- role SELECT, INSERT, UPDATE and DELETE; the policy keeps each of them to the person's own rows, and WITH CHECK
-- stops a row being written, or moved, under someone else's id. Row-level security is checked before the unique
-- constraint, so another person's names cannot be probed by a duplicate key either.
ALTER TABLE saved_searches ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_searches FORCE ROW LEVEL SECURITY;
CREATE POLICY saved_searches_of_signed_in_user ON saved_searches
    FOR ALL
    USING (user_id = (SELECT public.taskdesk_current_user_id()))
    WITH CHECK (user_id = (SELECT public.taskdesk_current_user_id()));
