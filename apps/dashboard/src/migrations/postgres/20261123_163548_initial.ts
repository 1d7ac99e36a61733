import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres';

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_roles" AS ENUM('viewer', 'editor', 'admin');
  CREATE TYPE "public"."enum_data_models_attributes_kind" AS ENUM('Property', 'Relationship', 'GeoProperty', 'LanguageProperty');
  CREATE TYPE "public"."enum_data_models_attributes_value_type" AS ENUM('number', 'integer', 'string', 'boolean', 'object', 'array', 'date-time', 'geometry');
  CREATE TYPE "public"."enum_map_views_layers_geo_query_geometry" AS ENUM('Point', 'LineString', 'Polygon', 'MultiPolygon');
  CREATE TYPE "public"."enum_map_views_layers_style" AS ENUM('points', 'clusters', 'heatmap', 'lines', 'polygons', 'choropleth');
  CREATE TYPE "public"."enum_map_views_layers_refresh" AS ENUM('interval', 'live');
  CREATE TYPE "public"."enum_pages_blocks_kpi_aggregate" AS ENUM('avg', 'min', 'max', 'sum', 'count');
  CREATE TYPE "public"."enum_pages_blocks_time_series_aggregation_period" AS ENUM('none', 'PT5M', 'PT1H', 'P1D');
  CREATE TYPE "public"."enum_pages_blocks_time_series_aggregation_method" AS ENUM('avg', 'min', 'max', 'sum', 'totalCount');
  CREATE TYPE "public"."enum_pages_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__pages_v_blocks_kpi_aggregate" AS ENUM('avg', 'min', 'max', 'sum', 'count');
  CREATE TYPE "public"."enum__pages_v_blocks_time_series_aggregation_period" AS ENUM('none', 'PT5M', 'PT1H', 'P1D');
  CREATE TYPE "public"."enum__pages_v_blocks_time_series_aggregation_method" AS ENUM('avg', 'min', 'max', 'sum', 'totalCount');
  CREATE TYPE "public"."enum__pages_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "brokers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"tenant" varchar,
  	"read_key_sealed" varchar,
  	"admin_key_sealed" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "data_models_attributes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_data_models_attributes_kind" DEFAULT 'Property' NOT NULL,
  	"value_type" "enum_data_models_attributes_value_type" DEFAULT 'number',
  	"unit_code" varchar,
  	"description" varchar
  );
  
  CREATE TABLE "data_models" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"entity_type" varchar NOT NULL,
  	"version" varchar DEFAULT '1.0.0' NOT NULL,
  	"id_pattern" varchar,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "map_views_layers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"broker_id" integer NOT NULL,
  	"entity_type" varchar NOT NULL,
  	"q" varchar,
  	"geo_query_georel" varchar,
  	"geo_query_geometry" "enum_map_views_layers_geo_query_geometry",
  	"geo_query_coordinates" jsonb,
  	"style" "enum_map_views_layers_style" DEFAULT 'points' NOT NULL,
  	"choropleth_attribute" varchar,
  	"colour" varchar DEFAULT '#1f77b4',
  	"icon" varchar,
  	"popup_template" varchar,
  	"refresh" "enum_map_views_layers_refresh" DEFAULT 'interval' NOT NULL,
  	"refresh_seconds" numeric DEFAULT 60
  );
  
  CREATE TABLE "map_views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"public" boolean DEFAULT false,
  	"centre_lon" numeric DEFAULT 0 NOT NULL,
  	"centre_lat" numeric DEFAULT 0 NOT NULL,
  	"centre_zoom" numeric DEFAULT 2 NOT NULL,
  	"bounds_west" numeric,
  	"bounds_south" numeric,
  	"bounds_east" numeric,
  	"bounds_north" numeric,
  	"basemap_style" varchar DEFAULT 'offline' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "pages_blocks_kpi_thresholds" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" numeric,
  	"colour" varchar DEFAULT '#2ca02c'
  );
  
  CREATE TABLE "pages_blocks_kpi" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"broker_id" integer,
  	"entity_type" varchar,
  	"attribute" varchar,
  	"unit" varchar,
  	"aggregate" "enum_pages_blocks_kpi_aggregate" DEFAULT 'avg',
  	"block_name" varchar
  );
  
  CREATE TABLE "pages_blocks_time_series" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"broker_id" integer,
  	"entity_id" varchar,
  	"attribute" varchar,
  	"aggregation_period" "enum_pages_blocks_time_series_aggregation_period" DEFAULT 'PT1H',
  	"aggregation_method" "enum_pages_blocks_time_series_aggregation_method" DEFAULT 'avg',
  	"last_hours" numeric DEFAULT 24,
  	"block_name" varchar
  );
  
  CREATE TABLE "pages_blocks_table_attributes" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar
  );
  
  CREATE TABLE "pages_blocks_table" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"broker_id" integer,
  	"entity_type" varchar,
  	"q" varchar,
  	"page_size" numeric DEFAULT 50,
  	"block_name" varchar
  );
  
  CREATE TABLE "pages_blocks_map" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"map_view_id" integer,
  	"height" numeric DEFAULT 480,
  	"block_name" varchar
  );
  
  CREATE TABLE "pages_blocks_rich_text" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"block_name" varchar
  );
  
  CREATE TABLE "pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"public" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_pages_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_pages_v_blocks_kpi_thresholds" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" numeric,
  	"colour" varchar DEFAULT '#2ca02c',
  	"_uuid" varchar
  );
  
  CREATE TABLE "_pages_v_blocks_kpi" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"broker_id" integer,
  	"entity_type" varchar,
  	"attribute" varchar,
  	"unit" varchar,
  	"aggregate" "enum__pages_v_blocks_kpi_aggregate" DEFAULT 'avg',
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_pages_v_blocks_time_series" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"broker_id" integer,
  	"entity_id" varchar,
  	"attribute" varchar,
  	"aggregation_period" "enum__pages_v_blocks_time_series_aggregation_period" DEFAULT 'PT1H',
  	"aggregation_method" "enum__pages_v_blocks_time_series_aggregation_method" DEFAULT 'avg',
  	"last_hours" numeric DEFAULT 24,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_pages_v_blocks_table_attributes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_pages_v_blocks_table" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"broker_id" integer,
  	"entity_type" varchar,
  	"q" varchar,
  	"page_size" numeric DEFAULT 50,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_pages_v_blocks_map" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"map_view_id" integer,
  	"height" numeric DEFAULT 480,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_pages_v_blocks_rich_text" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_pages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_public" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__pages_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"brokers_id" integer,
  	"data_models_id" integer,
  	"map_views_id" integer,
  	"pages_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "data_models_attributes" ADD CONSTRAINT "data_models_attributes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."data_models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "map_views_layers" ADD CONSTRAINT "map_views_layers_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "map_views_layers" ADD CONSTRAINT "map_views_layers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."map_views"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_blocks_kpi_thresholds" ADD CONSTRAINT "pages_blocks_kpi_thresholds_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages_blocks_kpi"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_blocks_kpi" ADD CONSTRAINT "pages_blocks_kpi_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_blocks_kpi" ADD CONSTRAINT "pages_blocks_kpi_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_blocks_time_series" ADD CONSTRAINT "pages_blocks_time_series_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_blocks_time_series" ADD CONSTRAINT "pages_blocks_time_series_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_blocks_table_attributes" ADD CONSTRAINT "pages_blocks_table_attributes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages_blocks_table"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_blocks_table" ADD CONSTRAINT "pages_blocks_table_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_blocks_table" ADD CONSTRAINT "pages_blocks_table_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_blocks_map" ADD CONSTRAINT "pages_blocks_map_map_view_id_map_views_id_fk" FOREIGN KEY ("map_view_id") REFERENCES "public"."map_views"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_blocks_map" ADD CONSTRAINT "pages_blocks_map_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_blocks_rich_text" ADD CONSTRAINT "pages_blocks_rich_text_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_kpi_thresholds" ADD CONSTRAINT "_pages_v_blocks_kpi_thresholds_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v_blocks_kpi"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_kpi" ADD CONSTRAINT "_pages_v_blocks_kpi_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_kpi" ADD CONSTRAINT "_pages_v_blocks_kpi_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_time_series" ADD CONSTRAINT "_pages_v_blocks_time_series_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_time_series" ADD CONSTRAINT "_pages_v_blocks_time_series_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_table_attributes" ADD CONSTRAINT "_pages_v_blocks_table_attributes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v_blocks_table"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_table" ADD CONSTRAINT "_pages_v_blocks_table_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_table" ADD CONSTRAINT "_pages_v_blocks_table_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_map" ADD CONSTRAINT "_pages_v_blocks_map_map_view_id_map_views_id_fk" FOREIGN KEY ("map_view_id") REFERENCES "public"."map_views"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_map" ADD CONSTRAINT "_pages_v_blocks_map_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_blocks_rich_text" ADD CONSTRAINT "_pages_v_blocks_rich_text_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_brokers_fk" FOREIGN KEY ("brokers_id") REFERENCES "public"."brokers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_data_models_fk" FOREIGN KEY ("data_models_id") REFERENCES "public"."data_models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_map_views_fk" FOREIGN KEY ("map_views_id") REFERENCES "public"."map_views"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "brokers_name_idx" ON "brokers" USING btree ("name");
  CREATE INDEX "brokers_updated_at_idx" ON "brokers" USING btree ("updated_at");
  CREATE INDEX "brokers_created_at_idx" ON "brokers" USING btree ("created_at");
  CREATE INDEX "data_models_attributes_order_idx" ON "data_models_attributes" USING btree ("_order");
  CREATE INDEX "data_models_attributes_parent_id_idx" ON "data_models_attributes" USING btree ("_parent_id");
  CREATE INDEX "data_models_updated_at_idx" ON "data_models" USING btree ("updated_at");
  CREATE INDEX "data_models_created_at_idx" ON "data_models" USING btree ("created_at");
  CREATE INDEX "map_views_layers_order_idx" ON "map_views_layers" USING btree ("_order");
  CREATE INDEX "map_views_layers_parent_id_idx" ON "map_views_layers" USING btree ("_parent_id");
  CREATE INDEX "map_views_layers_broker_idx" ON "map_views_layers" USING btree ("broker_id");
  CREATE UNIQUE INDEX "map_views_slug_idx" ON "map_views" USING btree ("slug");
  CREATE INDEX "map_views_updated_at_idx" ON "map_views" USING btree ("updated_at");
  CREATE INDEX "map_views_created_at_idx" ON "map_views" USING btree ("created_at");
  CREATE INDEX "pages_blocks_kpi_thresholds_order_idx" ON "pages_blocks_kpi_thresholds" USING btree ("_order");
  CREATE INDEX "pages_blocks_kpi_thresholds_parent_id_idx" ON "pages_blocks_kpi_thresholds" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_kpi_order_idx" ON "pages_blocks_kpi" USING btree ("_order");
  CREATE INDEX "pages_blocks_kpi_parent_id_idx" ON "pages_blocks_kpi" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_kpi_path_idx" ON "pages_blocks_kpi" USING btree ("_path");
  CREATE INDEX "pages_blocks_kpi_broker_idx" ON "pages_blocks_kpi" USING btree ("broker_id");
  CREATE INDEX "pages_blocks_time_series_order_idx" ON "pages_blocks_time_series" USING btree ("_order");
  CREATE INDEX "pages_blocks_time_series_parent_id_idx" ON "pages_blocks_time_series" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_time_series_path_idx" ON "pages_blocks_time_series" USING btree ("_path");
  CREATE INDEX "pages_blocks_time_series_broker_idx" ON "pages_blocks_time_series" USING btree ("broker_id");
  CREATE INDEX "pages_blocks_table_attributes_order_idx" ON "pages_blocks_table_attributes" USING btree ("_order");
  CREATE INDEX "pages_blocks_table_attributes_parent_id_idx" ON "pages_blocks_table_attributes" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_table_order_idx" ON "pages_blocks_table" USING btree ("_order");
  CREATE INDEX "pages_blocks_table_parent_id_idx" ON "pages_blocks_table" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_table_path_idx" ON "pages_blocks_table" USING btree ("_path");
  CREATE INDEX "pages_blocks_table_broker_idx" ON "pages_blocks_table" USING btree ("broker_id");
  CREATE INDEX "pages_blocks_map_order_idx" ON "pages_blocks_map" USING btree ("_order");
  CREATE INDEX "pages_blocks_map_parent_id_idx" ON "pages_blocks_map" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_map_path_idx" ON "pages_blocks_map" USING btree ("_path");
  CREATE INDEX "pages_blocks_map_map_view_idx" ON "pages_blocks_map" USING btree ("map_view_id");
  CREATE INDEX "pages_blocks_rich_text_order_idx" ON "pages_blocks_rich_text" USING btree ("_order");
  CREATE INDEX "pages_blocks_rich_text_parent_id_idx" ON "pages_blocks_rich_text" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_rich_text_path_idx" ON "pages_blocks_rich_text" USING btree ("_path");
  CREATE UNIQUE INDEX "pages_slug_idx" ON "pages" USING btree ("slug");
  CREATE INDEX "pages_updated_at_idx" ON "pages" USING btree ("updated_at");
  CREATE INDEX "pages_created_at_idx" ON "pages" USING btree ("created_at");
  CREATE INDEX "pages__status_idx" ON "pages" USING btree ("_status");
  CREATE INDEX "_pages_v_blocks_kpi_thresholds_order_idx" ON "_pages_v_blocks_kpi_thresholds" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_kpi_thresholds_parent_id_idx" ON "_pages_v_blocks_kpi_thresholds" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_kpi_order_idx" ON "_pages_v_blocks_kpi" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_kpi_parent_id_idx" ON "_pages_v_blocks_kpi" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_kpi_path_idx" ON "_pages_v_blocks_kpi" USING btree ("_path");
  CREATE INDEX "_pages_v_blocks_kpi_broker_idx" ON "_pages_v_blocks_kpi" USING btree ("broker_id");
  CREATE INDEX "_pages_v_blocks_time_series_order_idx" ON "_pages_v_blocks_time_series" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_time_series_parent_id_idx" ON "_pages_v_blocks_time_series" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_time_series_path_idx" ON "_pages_v_blocks_time_series" USING btree ("_path");
  CREATE INDEX "_pages_v_blocks_time_series_broker_idx" ON "_pages_v_blocks_time_series" USING btree ("broker_id");
  CREATE INDEX "_pages_v_blocks_table_attributes_order_idx" ON "_pages_v_blocks_table_attributes" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_table_attributes_parent_id_idx" ON "_pages_v_blocks_table_attributes" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_table_order_idx" ON "_pages_v_blocks_table" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_table_parent_id_idx" ON "_pages_v_blocks_table" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_table_path_idx" ON "_pages_v_blocks_table" USING btree ("_path");
  CREATE INDEX "_pages_v_blocks_table_broker_idx" ON "_pages_v_blocks_table" USING btree ("broker_id");
  CREATE INDEX "_pages_v_blocks_map_order_idx" ON "_pages_v_blocks_map" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_map_parent_id_idx" ON "_pages_v_blocks_map" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_map_path_idx" ON "_pages_v_blocks_map" USING btree ("_path");
  CREATE INDEX "_pages_v_blocks_map_map_view_idx" ON "_pages_v_blocks_map" USING btree ("map_view_id");
  CREATE INDEX "_pages_v_blocks_rich_text_order_idx" ON "_pages_v_blocks_rich_text" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_rich_text_parent_id_idx" ON "_pages_v_blocks_rich_text" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_rich_text_path_idx" ON "_pages_v_blocks_rich_text" USING btree ("_path");
  CREATE INDEX "_pages_v_parent_idx" ON "_pages_v" USING btree ("parent_id");
  CREATE INDEX "_pages_v_version_version_slug_idx" ON "_pages_v" USING btree ("version_slug");
  CREATE INDEX "_pages_v_version_version_updated_at_idx" ON "_pages_v" USING btree ("version_updated_at");
  CREATE INDEX "_pages_v_version_version_created_at_idx" ON "_pages_v" USING btree ("version_created_at");
  CREATE INDEX "_pages_v_version_version__status_idx" ON "_pages_v" USING btree ("version__status");
  CREATE INDEX "_pages_v_created_at_idx" ON "_pages_v" USING btree ("created_at");
  CREATE INDEX "_pages_v_updated_at_idx" ON "_pages_v" USING btree ("updated_at");
  CREATE INDEX "_pages_v_latest_idx" ON "_pages_v" USING btree ("latest");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_brokers_id_idx" ON "payload_locked_documents_rels" USING btree ("brokers_id");
  CREATE INDEX "payload_locked_documents_rels_data_models_id_idx" ON "payload_locked_documents_rels" USING btree ("data_models_id");
  CREATE INDEX "payload_locked_documents_rels_map_views_id_idx" ON "payload_locked_documents_rels" USING btree ("map_views_id");
  CREATE INDEX "payload_locked_documents_rels_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("pages_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`);
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "brokers" CASCADE;
  DROP TABLE "data_models_attributes" CASCADE;
  DROP TABLE "data_models" CASCADE;
  DROP TABLE "map_views_layers" CASCADE;
  DROP TABLE "map_views" CASCADE;
  DROP TABLE "pages_blocks_kpi_thresholds" CASCADE;
  DROP TABLE "pages_blocks_kpi" CASCADE;
  DROP TABLE "pages_blocks_time_series" CASCADE;
  DROP TABLE "pages_blocks_table_attributes" CASCADE;
  DROP TABLE "pages_blocks_table" CASCADE;
  DROP TABLE "pages_blocks_map" CASCADE;
  DROP TABLE "pages_blocks_rich_text" CASCADE;
  DROP TABLE "pages" CASCADE;
  DROP TABLE "_pages_v_blocks_kpi_thresholds" CASCADE;
  DROP TABLE "_pages_v_blocks_kpi" CASCADE;
  DROP TABLE "_pages_v_blocks_time_series" CASCADE;
  DROP TABLE "_pages_v_blocks_table_attributes" CASCADE;
  DROP TABLE "_pages_v_blocks_table" CASCADE;
  DROP TABLE "_pages_v_blocks_map" CASCADE;
  DROP TABLE "_pages_v_blocks_rich_text" CASCADE;
  DROP TABLE "_pages_v" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_data_models_attributes_kind";
  DROP TYPE "public"."enum_data_models_attributes_value_type";
  DROP TYPE "public"."enum_map_views_layers_geo_query_geometry";
  DROP TYPE "public"."enum_map_views_layers_style";
  DROP TYPE "public"."enum_map_views_layers_refresh";
  DROP TYPE "public"."enum_pages_blocks_kpi_aggregate";
  DROP TYPE "public"."enum_pages_blocks_time_series_aggregation_period";
  DROP TYPE "public"."enum_pages_blocks_time_series_aggregation_method";
  DROP TYPE "public"."enum_pages_status";
  DROP TYPE "public"."enum__pages_v_blocks_kpi_aggregate";
  DROP TYPE "public"."enum__pages_v_blocks_time_series_aggregation_period";
  DROP TYPE "public"."enum__pages_v_blocks_time_series_aggregation_method";
  DROP TYPE "public"."enum__pages_v_version_status";`);
}
