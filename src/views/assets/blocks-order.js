// Drag and drop for the newsroom's ordered lists (progressive enhancement: every list also has
// up/down buttons that are plain forms). Posts the whole new order as JSON with the CSRF token.
(function () {
  'use strict';
  var lists = document.querySelectorAll('ol[data-reorder]');
  Array.prototype.forEach.call(lists, function (list) {
    var dragged = null;
    list.classList.add('can-drag');
    Array.prototype.forEach.call(list.children, function (item) {
      item.setAttribute('draggable', 'true');
    });
    list.addEventListener('dragstart', function (event) {
      dragged = event.target.closest ? event.target.closest('li') : null;
      if (!dragged) return;
      dragged.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', dragged.getAttribute('data-id') || '');
    });
    list.addEventListener('dragover', function (event) {
      if (!dragged) return;
      event.preventDefault();
      var over = event.target.closest ? event.target.closest('li') : null;
      if (!over || over === dragged || over.parentNode !== list) return;
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener('drop', function (event) {
      event.preventDefault();
    });
    list.addEventListener('dragend', function () {
      if (!dragged) return;
      dragged.classList.remove('dragging');
      dragged = null;
      save(list);
    });
  });

  function save(list) {
    var order = Array.prototype.map.call(list.children, function (item) {
      return Number(item.getAttribute('data-id'));
    });
    list.setAttribute('aria-busy', 'true');
    fetch(list.getAttribute('data-reorder'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': list.getAttribute('data-csrf') || '' },
      body: JSON.stringify({ block: list.getAttribute('data-block'), order: order }),
    })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        // Reload so the up/down buttons and the numbering match the stored order.
        window.location.replace(window.location.pathname + '?done=moved');
      })
      .catch(function () {
        window.location.reload();
      });
  }
})();
