CREATE TABLE `event_audience` (
	`event_id` integer NOT NULL,
	`audience` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`event_id`, `audience`),
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `event_school` (
	`event_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	`students` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`event_id`, `school_id`),
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_school_school_idx` ON `event_school` (`school_id`);--> statement-breakpoint
CREATE TABLE `event_youth` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`activity_type` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`town_id` integer NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_name_uq` ON `school` (`name`);--> statement-breakpoint
CREATE INDEX `school_town_idx` ON `school` (`town_id`);