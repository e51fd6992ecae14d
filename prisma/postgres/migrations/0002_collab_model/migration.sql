-- CreateTable
CREATE TABLE "CollabModel" (
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "format" INTEGER NOT NULL,
    "lastEventId" INTEGER NOT NULL,
    "items" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "CollabModel_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAtMs" BIGINT NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

