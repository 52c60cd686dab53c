// The print pages render without SvelteKit's client (200 QR codes need no hydration); this is
// their one piece of script: the print button.
document.addEventListener('click', (e) => {
	if (e.target instanceof Element && e.target.closest('[data-print]')) window.print();
});
