-- The public disclosure search finds an enterprise by any part of its name. A trigram index answers
-- a search of three or more characters without reading every name; it is kept by triggers, so every
-- write to enterprise (form, import, script) keeps it current.
CREATE VIRTUAL TABLE `enterprise_name_search` USING fts5(`name`, content='enterprise', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `enterprise_name_search`(`enterprise_name_search`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `enterprise_name_search_ai` AFTER INSERT ON `enterprise` BEGIN
	INSERT INTO `enterprise_name_search`(rowid, `name`) VALUES (new.`id`, new.`name`);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprise_name_search_ad` AFTER DELETE ON `enterprise` BEGIN
	INSERT INTO `enterprise_name_search`(`enterprise_name_search`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprise_name_search_au` AFTER UPDATE OF `name` ON `enterprise` BEGIN
	INSERT INTO `enterprise_name_search`(`enterprise_name_search`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
	INSERT INTO `enterprise_name_search`(rowid, `name`) VALUES (new.`id`, new.`name`);
END;
