import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres';

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_data_models_attributes_status" AS ENUM('active', 'deprecated');
  CREATE TABLE "data_models_changelog" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"version" varchar NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"author" varchar,
  	"changes" varchar NOT NULL
  );
  
  ALTER TABLE "data_models_attributes" ADD COLUMN "status" "enum_data_models_attributes_status" DEFAULT 'active' NOT NULL;
  ALTER TABLE "data_models_attributes" ADD COLUMN "replaced_by" varchar;
  ALTER TABLE "data_models_attributes" ADD COLUMN "deprecated_in" varchar;
  ALTER TABLE "data_models_changelog" ADD CONSTRAINT "data_models_changelog_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."data_models"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "data_models_changelog_order_idx" ON "data_models_changelog" USING btree ("_order");
  CREATE INDEX "data_models_changelog_parent_id_idx" ON "data_models_changelog" USING btree ("_parent_id");`);
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "data_models_changelog" CASCADE;
  ALTER TABLE "data_models_attributes" DROP COLUMN "status";
  ALTER TABLE "data_models_attributes" DROP COLUMN "replaced_by";
  ALTER TABLE "data_models_attributes" DROP COLUMN "deprecated_in";
  DROP TYPE "public"."enum_data_models_attributes_status";`);
}
