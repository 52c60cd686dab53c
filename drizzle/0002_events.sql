CREATE TABLE `event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`town_id` integer NOT NULL,
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
	FOREIGN KEY (`theme_id`) REFERENCES `event_option`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_id`) REFERENCES `event_option`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_town_day_title_idx` ON `event` (`town_id`,`start_date`,`title`);--> statement-breakpoint
CREATE INDEX `event_start_idx` ON `event` (`start_date`);--> statement-breakpoint
CREATE INDEX `event_end_idx` ON `event` (`end_date`);--> statement-breakpoint
CREATE INDEX `event_theme_idx` ON `event` (`theme_id`);--> statement-breakpoint
CREATE INDEX `event_public_idx` ON `event` (`is_public`,`start_date`);--> statement-breakpoint
CREATE INDEX `event_public_end_idx` ON `event` (`is_public`,`end_date`);--> statement-breakpoint
CREATE TABLE `event_option` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_option_kind_name_idx` ON `event_option` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `event_photo` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`key` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_photo_event_idx` ON `event_photo` (`event_id`);