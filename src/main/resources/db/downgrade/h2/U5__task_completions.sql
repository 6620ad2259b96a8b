-- Undoes V5. Dropping the table drops its indexes (H2 may use them for the foreign keys and then refuses to drop
-- them on their own, as with U2).
DROP TABLE task_completions;
