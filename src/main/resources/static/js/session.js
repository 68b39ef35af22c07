// Nothing typed is lost when a session ends (signed-in pages only; no inline script: the CSP forbids it).
// - While someone types, the session is kept alive: a keep-alive request at most once a minute.
// - Shortly before the session would end (meta trappen-session-warn seconds before), a banner warns and offers to stay
//   signed in; once it has ended, the banner offers to sign in again.
// - Every form of the page keeps its fields (not passwords, not the CSRF token) in this tab's sessionStorage while
//   they are typed. On submit the script first asks whether the session is alive: if so, the draft is dropped and the
//   form is sent; if not, the draft stays and the browser opens the form's page again, which leads through the sign-in
//   back to the form, where the draft is filled in again with a notice saying so.
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  var timeout = parseInt(meta('trappen-session-timeout'), 10);
  var warnBefore = parseInt(meta('trappen-session-warn'), 10) || 0;
  var keepAliveUrl = meta('trappen-session-keep-alive');
  var user = meta('trappen-user');
  if (!timeout || !keepAliveUrl || !user) {
    return;
  }

  var DRAFT = 'trappen-draft:';
  var CONTACT = 'trappen-session-contact';
  var PING_EVERY = 60 * 1000;
  var SKIPPED_TYPES = ['password', 'hidden', 'submit', 'button', 'reset', 'file', 'image'];

  var lastContact = Date.now();
  var lastPing = Date.now();
  var expired = false;

  function store(kind) {
    try {
      return kind === 'local' ? window.localStorage : window.sessionStorage;
    } catch (e) {
      return null;
    }
  }

  // ---- the session clock (shared by the tabs of this browser through localStorage) ---------------------------------

  function contact() {
    lastContact = Date.now();
    expired = false;
    var local = store('local');
    if (local) {
      try {
        local.setItem(CONTACT, String(lastContact));
      } catch (e) { /* full or refused: this tab's clock only */ }
    }
  }

  function latestContact() {
    var local = store('local');
    var shared = local ? parseInt(local.getItem(CONTACT), 10) : NaN;
    return isNaN(shared) ? lastContact : Math.max(lastContact, shared);
  }

  /** Asks the server whether the session is alive (which also keeps it alive): true, false, or null if unknown. */
  function ping() {
    lastPing = Date.now();
    return fetch(keepAliveUrl, {
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
      // an XMLHttpRequest-style request is never remembered as the page to return to after signing in
      headers: {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'}
    }).then(function (response) {
      if (response.status === 204) {
        contact();
        hideBanner();
        return true;
      }
      return false;
    }).catch(function () {
      return null;
    });
  }

  // ---- the banner ----------------------------------------------------------------------------------------------------

  var banner = document.getElementById('session-warning');
  var bannerText = document.getElementById('session-warning-text');
  var bannerButton = document.getElementById('session-stay');
  var warningText = bannerText ? bannerText.textContent : '';
  var stayText = bannerButton ? bannerButton.textContent : '';

  function showWarning() {
    if (!banner || expired || !banner.hidden) {
      return;
    }
    bannerText.textContent = warningText;
    bannerButton.textContent = stayText;
    banner.hidden = false;
  }

  function showExpired() {
    expired = true;
    if (!banner) {
      return;
    }
    bannerText.textContent = banner.getAttribute('data-expired-text');
    bannerButton.textContent = banner.getAttribute('data-expired-button');
    banner.hidden = false;
  }

  function hideBanner() {
    if (banner) {
      banner.hidden = true;
    }
  }

  /** Opens this page again: signed out, that is the sign-in page, which returns here afterwards. */
  function signInAgain() {
    saveAllDrafts();
    window.location.assign(window.location.pathname + window.location.search);
  }

  if (bannerButton) {
    bannerButton.addEventListener('click', function () {
      if (expired) {
        signInAgain();
        return;
      }
      ping().then(function (alive) {
        if (alive === false) {
          showExpired();
        }
      });
    });
  }

  window.setInterval(function () {
    if (expired) {
      return;
    }
    var idle = (Date.now() - latestContact()) / 1000;
    if (idle >= timeout) {
      showExpired();
    } else if (idle >= timeout - warnBefore) {
      showWarning();
    } else {
      hideBanner();
    }
  }, 1000);

  // htmx requests reach the server too
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail && event.detail.successful) {
      contact();
    }
  });

  // ---- drafts ----------------------------------------------------------------------------------------------------

  function draftForms() {
    return Array.prototype.filter.call(document.querySelectorAll('main form'), function (form) {
      return (form.getAttribute('method') || '').toLowerCase() === 'post'
          && !form.hasAttribute('hx-post') && !form.hasAttribute('data-hx-post');
    });
  }

  function draftKey(form) {
    var forms = draftForms();
    return DRAFT + user + ':' + window.location.pathname + ':' + (form.getAttribute('action') || '') + ':'
        + forms.indexOf(form);
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== '_csrf' && SKIPPED_TYPES.indexOf((el.type || '').toLowerCase()) < 0;
    });
  }

  function saveDraft(form) {
    var session = store('session');
    if (!session) {
      return;
    }
    var values = {};
    fields(form).forEach(function (el) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        values[el.name + '\u0000' + el.value] = el.checked;
      } else if (el.type === 'select-multiple') {
        values[el.name] = Array.prototype.filter.call(el.options, function (o) {
          return o.selected;
        }).map(function (o) {
          return o.value;
        });
      } else {
        values[el.name] = el.value;
      }
    });
    try {
      session.setItem(draftKey(form), JSON.stringify(values));
    } catch (e) { /* storage full or refused: nothing to keep */ }
  }

  function saveAllDrafts() {
    draftForms().forEach(function (form) {
      if (form.getAttribute('data-draft-touched') === 'true') {
        saveDraft(form);
      }
    });
  }

  function clearDraft(form) {
    var session = store('session');
    if (session) {
      session.removeItem(draftKey(form));
    }
  }

  function clearAllDrafts() {
    var session = store('session');
    if (!session) {
      return;
    }
    for (var i = session.length - 1; i >= 0; i--) {
      var key = session.key(i);
      if (key && key.indexOf(DRAFT) === 0) {
        session.removeItem(key);
      }
    }
  }

  function restoreDraft(form) {
    var session = store('session');
    var saved = session ? session.getItem(draftKey(form)) : null;
    if (!saved) {
      return false;
    }
    var values;
    try {
      values = JSON.parse(saved);
    } catch (e) {
      clearDraft(form);
      return false;
    }
    var changed = false;
    fields(form).forEach(function (el) {
      var before;
      if (el.type === 'checkbox' || el.type === 'radio') {
        var key = el.name + '\u0000' + el.value;
        if (Object.prototype.hasOwnProperty.call(values, key) && el.checked !== values[key]) {
          el.checked = values[key];
          changed = true;
          el.dispatchEvent(new Event('change', {bubbles: true}));
        }
      } else if (el.type === 'select-multiple') {
        if (Array.isArray(values[el.name])) {
          Array.prototype.forEach.call(el.options, function (o) {
            var selected = values[el.name].indexOf(o.value) >= 0;
            changed = changed || o.selected !== selected;
            o.selected = selected;
          });
          el.dispatchEvent(new Event('change', {bubbles: true}));
        }
      } else if (Object.prototype.hasOwnProperty.call(values, el.name)) {
        before = el.value;
        el.value = values[el.name];
        if (el.value !== before) {
          changed = true;
          el.dispatchEvent(new Event('change', {bubbles: true}));
        }
      }
    });
    form.setAttribute('data-draft-touched', 'true');
    return changed;
  }

  function announceRestored(form) {
    if (!banner) {
      return;
    }
    var notice = document.createElement('p');
    notice.className = 'notice draft-restored';
    if (!document.getElementById('draft-restored')) {
      notice.id = 'draft-restored';
    }
    notice.setAttribute('role', 'status');
    form.parentNode.insertBefore(notice, form);
    // filled in after the live region exists, so that screen readers announce it
    window.setTimeout(function () {
      notice.textContent = banner.getAttribute('data-restored-text');
    }, 50);
  }

  function onSubmit(event) {
    var form = event.currentTarget;
    if (form.getAttribute('data-session-checked') === 'true') {
      form.removeAttribute('data-session-checked');
      return;
    }
    event.preventDefault();
    if (form.getAttribute('data-session-checking') === 'true') {
      return;
    }
    form.setAttribute('data-session-checking', 'true');
    if (form.getAttribute('data-draft-touched') === 'true') {
      saveDraft(form);
    }
    var submitter = event.submitter && event.submitter.form === form ? event.submitter : null;
    ping().then(function (alive) {
      form.removeAttribute('data-session-checking');
      if (alive === false) {
        // signed out: keep the draft, sign in again, come back to this form
        signInAgain();
        return;
      }
      if (alive) {
        clearDraft(form);
      }
      form.setAttribute('data-session-checked', 'true');
      if (typeof form.requestSubmit === 'function') {
        if (submitter) {
          form.requestSubmit(submitter);
        } else {
          form.requestSubmit();
        }
      } else {
        HTMLFormElement.prototype.submit.call(form);
      }
    });
  }

  function onTyping(event) {
    var form = event.target && event.target.form;
    if (form && draftForms().indexOf(form) >= 0) {
      form.setAttribute('data-draft-touched', 'true');
      saveDraft(form);
    }
    if (!expired && Date.now() - lastPing >= PING_EVERY) {
      ping().then(function (alive) {
        if (alive === false) {
          showExpired();
        }
      });
    }
  }

  function start() {
    contact();
    draftForms().forEach(function (form) {
      if (restoreDraft(form)) {
        announceRestored(form);
      }
      form.addEventListener('submit', onSubmit);
    });
    document.addEventListener('input', onTyping, true);
    document.addEventListener('change', onTyping, true);
    // signing out forgets every draft of this tab
    Array.prototype.forEach.call(document.querySelectorAll('form[action$="/logout"]'), function (form) {
      form.addEventListener('submit', clearAllDrafts);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
