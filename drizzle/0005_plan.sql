CREATE TABLE `department` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `department_name_unique` ON `department` (`name`);--> statement-breakpoint
CREATE TABLE `plan_task` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`row` integer NOT NULL,
	`work_point` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`all_towns` integer DEFAULT false NOT NULL,
	`units_note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_task_year_row_uq` ON `plan_task` (`year`,`row`);--> statement-breakpoint
CREATE TABLE `plan_task_department` (
	`task_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	PRIMARY KEY(`task_id`, `department_id`),
	FOREIGN KEY (`task_id`) REFERENCES `plan_task`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_year` (
	`year` integer PRIMARY KEY NOT NULL,
	`cadence` text DEFAULT 'monthly' NOT NULL,
	`due_day` integer DEFAULT 5 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `progress_attachment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `progress_report`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `progress_attachment_report_idx` ON `progress_attachment` (`report_id`);--> statement-breakpoint
CREATE TABLE `progress_report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`town_id` integer,
	`department_id` integer,
	`unit_key` text NOT NULL,
	`period` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`figures` text DEFAULT '' NOT NULL,
	`first_submitted_on` text,
	`submitted_at` integer,
	`return_comment` text DEFAULT '' NOT NULL,
	`reviewed_at` integer,
	`reviewed_by` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `plan_task`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_report_unit_period_uq` ON `progress_report` (`task_id`,`unit_key`,`period`);--> statement-breakpoint
CREATE INDEX `progress_report_period_idx` ON `progress_report` (`period`);--> statement-breakpoint
CREATE TABLE `user_department` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__keep_event_photo` AS SELECT * FROM `event_photo`;--> statement-breakpoint
CREATE TABLE `__new_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`town_id` integer,
	`department_id` integer,
	`theme_id` integer NOT NULL,
	`form_id` integer NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`start_date` text NOT NULL,
	`start_time` text,
	`end_date` text NOT NULL,
	`end_time` text,
	`organisers` text DEFAULT '' NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`materials` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `event_option`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_id`) REFERENCES `event_option`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_event`("id", "title", "town_id", "department_id", "theme_id", "form_id", "venue", "lat", "lng", "start_date", "start_time", "end_date", "end_time", "organisers", "participants", "materials", "summary", "is_public", "created_by", "created_at", "updated_at") SELECT "id", "title", "town_id", NULL, "theme_id", "form_id", "venue", "lat", "lng", "start_date", "start_time", "end_date", "end_time", "organisers", "participants", "materials", "summary", "is_public", "created_by", "created_at", "updated_at" FROM `event`;--> statement-breakpoint
DROP TABLE `event`;--> statement-breakpoint
ALTER TABLE `__new_event` RENAME TO `event`;--> statement-breakpoint
INSERT INTO `event_photo` SELECT * FROM `__keep_event_photo` WHERE `id` NOT IN (SELECT `id` FROM `event_photo`);--> statement-breakpoint
DROP TABLE `__keep_event_photo`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `event_town_day_title_idx` ON `event` (`town_id`,`start_date`,`title`);--> statement-breakpoint
CREATE INDEX `event_start_idx` ON `event` (`start_date`);--> statement-breakpoint
CREATE INDEX `event_end_idx` ON `event` (`end_date`);--> statement-breakpoint
CREATE INDEX `event_theme_idx` ON `event` (`theme_id`);--> statement-breakpoint
CREATE INDEX `event_department_idx` ON `event` (`department_id`);--> statement-breakpoint
CREATE INDEX `event_public_idx` ON `event` (`is_public`,`start_date`);--> statement-breakpoint
CREATE INDEX `event_public_end_idx` ON `event` (`is_public`,`end_date`);