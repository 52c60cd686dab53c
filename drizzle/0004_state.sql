CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`v` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`next_at` integer NOT NULL,
	`last_run_at` integer
);
--> statement-breakpoint
CREATE TABLE `rate_hit` (
	`id` integer PRIMARY KEY NOT NULL,
	`bucket` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_hit_bucket_idx` ON `rate_hit` (`bucket`,`at`);--> statement-breakpoint
CREATE INDEX `rate_hit_at_idx` ON `rate_hit` (`at`);--> statement-breakpoint
CREATE TABLE `staged_import` (
	`token` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`filename` text NOT NULL,
	`payload` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staged_import_expires_idx` ON `staged_import` (`expires_at`);--> statement-breakpoint
CREATE TABLE `throttle` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`failures` integer NOT NULL,
	`last_at` integer NOT NULL,
	`until_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `throttle_last_idx` ON `throttle` (`last_at`);--> statement-breakpoint
INSERT INTO `content_version` (`id`, `v`) VALUES (1, 0);
