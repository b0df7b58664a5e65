-- FaceGate schema, version 5: which photo a deletion record is about.
-- An encounter keeps two photos (the capture and the reference the officer
-- saw, photos.role); a review showing one of them as purged must quote that
-- photo's deletion, not the other's. Photos deleted before this version have
-- no role recorded (NULL), nor do templates.
ALTER TABLE deletions ADD COLUMN role TEXT CHECK (role IS NULL OR role IN ('capture', 'reference'));
