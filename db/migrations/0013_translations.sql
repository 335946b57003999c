CREATE TABLE "translations" (
	"source_hash" text NOT NULL,
	"pair" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translations_pair_source_hash_pk" PRIMARY KEY("pair","source_hash")
);
