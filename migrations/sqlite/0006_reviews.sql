-- When each person last confirmed that their registered methods are still theirs
-- (policy.review_after_days).
CREATE TABLE method_reviews (
    user_id     TEXT    PRIMARY KEY,
    reviewed_at INTEGER NOT NULL
);
