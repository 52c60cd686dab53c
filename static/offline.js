// The offline notice lists what this phone keeps in its outbox for the user signed in on it (see
// src/lib/offline/store.ts: another user's items are never shown, nor anything once the user has
// logged out), and goes back to the page that was asked for as soon as the connection returns.
(function () {
	document.getElementById('retry').addEventListener('click', function () {
		location.reload();
	});
	window.addEventListener('online', function () {
		location.reload();
	});
	// The online event is not to be trusted on a phone (nor is navigator.onLine): ask the server.
	setInterval(function () {
		fetch('/healthz', { cache: 'no-store' }).then(
			function (r) {
				if (r.ok) location.reload();
			},
			function () {}
		);
	}, 4000);
	var me = Number(localStorage.getItem('chengxin:signed-in'));
	if (!me) return;
	var open = indexedDB.open('chengxin-staff');
	open.onupgradeneeded = function () {
		// Nothing kept yet: leave creating the stores to the app.
		open.transaction.abort();
	};
	open.onsuccess = function () {
		var db = open.result;
		if (!db.objectStoreNames.contains('outbox')) return;
		var req = db.transaction('outbox').objectStore('outbox').getAll();
		req.onsuccess = function () {
			var items = (req.result || []).filter(function (it) {
				return it.userId === me;
			});
			if (!items.length) return;
			var ul = document.getElementById('items');
			items.forEach(function (it) {
				var li = document.createElement('li');
				var tag = document.createElement('span');
				tag.className = it.status === 'refused' ? 'tag refused' : 'tag';
				tag.textContent = it.status === 'refused' ? '未被接受' : '待上传';
				var label = document.createElement('div');
				label.textContent = it.label;
				var when = document.createElement('div');
				when.className = 'muted';
				when.textContent =
					'保存于 ' + new Date(it.queuedAt).toLocaleString('zh-CN', { hour12: false }) +
					(it.message ? '：' + it.message : '');
				li.append(tag, label, when);
				ul.append(li);
			});
			document.getElementById('outbox').hidden = false;
		};
	};
})();
