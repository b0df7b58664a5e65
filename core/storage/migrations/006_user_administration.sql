-- FaceGate schema, version 6: user administration. An administrator who
-- resets a user's password sets a temporary one; the user must choose their
-- own at the next sign-in before anything else (Authenticator, SignInDialog).
ALTER TABLE users ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0;
