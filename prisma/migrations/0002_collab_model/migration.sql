-- CreateTable
CREATE TABLE "CollabModel" (
    "version" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "format" INTEGER NOT NULL,
    "lastEventId" INTEGER NOT NULL,
    "items" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bytes" BLOB NOT NULL
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAtMs" BIGINT NOT NULL
);

