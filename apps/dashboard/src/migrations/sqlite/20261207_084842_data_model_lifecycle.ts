import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite';

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`data_models_changelog\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`version\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`author\` text,
  	\`changes\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`data_models\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `);
  await db.run(
    sql`CREATE INDEX \`data_models_changelog_order_idx\` ON \`data_models_changelog\` (\`_order\`);`,
  );
  await db.run(
    sql`CREATE INDEX \`data_models_changelog_parent_id_idx\` ON \`data_models_changelog\` (\`_parent_id\`);`,
  );
  await db.run(
    sql`ALTER TABLE \`data_models_attributes\` ADD \`status\` text DEFAULT 'active' NOT NULL;`,
  );
  await db.run(sql`ALTER TABLE \`data_models_attributes\` ADD \`replaced_by\` text;`);
  await db.run(sql`ALTER TABLE \`data_models_attributes\` ADD \`deprecated_in\` text;`);
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`data_models_changelog\`;`);
  await db.run(sql`ALTER TABLE \`data_models_attributes\` DROP COLUMN \`status\`;`);
  await db.run(sql`ALTER TABLE \`data_models_attributes\` DROP COLUMN \`replaced_by\`;`);
  await db.run(sql`ALTER TABLE \`data_models_attributes\` DROP COLUMN \`deprecated_in\`;`);
}
