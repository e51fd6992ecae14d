-- CreateTable
CREATE TABLE "Product" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subcategory" TEXT NOT NULL,
    "articleType" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "colours" TEXT NOT NULL,
    "styles" TEXT NOT NULL,
    "pattern" TEXT,
    "season" TEXT,
    "year" INTEGER,
    "priceCents" INTEGER,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "sizes" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "image" TEXT,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'bundled',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProductEmbedding" (
    "productId" INTEGER NOT NULL,
    "modelId" TEXT NOT NULL,
    "dim" INTEGER NOT NULL,
    "vector" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("productId", "modelId"),
    CONSTRAINT "ProductEmbedding_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Shopper" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quiz" TEXT,
    "state" TEXT,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FeedbackEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shopperId" TEXT NOT NULL,
    "productId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "score" REAL,
    "components" TEXT,
    "position" INTEGER,
    "clientEventId" TEXT NOT NULL,
    "undone" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedbackEvent_shopperId_fkey" FOREIGN KEY ("shopperId") REFERENCES "Shopper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedbackEvent_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Meta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Product_externalId_key" ON "Product"("externalId");

-- CreateIndex
CREATE INDEX "Product_hidden_gender_articleType_idx" ON "Product"("hidden", "gender", "articleType");

-- CreateIndex
CREATE INDEX "Product_articleType_idx" ON "Product"("articleType");

-- CreateIndex
CREATE INDEX "Product_brand_idx" ON "Product"("brand");

-- CreateIndex
CREATE INDEX "ProductEmbedding_modelId_idx" ON "ProductEmbedding"("modelId");

-- CreateIndex
CREATE INDEX "FeedbackEvent_shopperId_undone_id_idx" ON "FeedbackEvent"("shopperId", "undone", "id");

-- CreateIndex
CREATE INDEX "FeedbackEvent_productId_action_idx" ON "FeedbackEvent"("productId", "action");

-- CreateIndex
CREATE INDEX "FeedbackEvent_undone_action_idx" ON "FeedbackEvent"("undone", "action");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackEvent_shopperId_clientEventId_key" ON "FeedbackEvent"("shopperId", "clientEventId");

