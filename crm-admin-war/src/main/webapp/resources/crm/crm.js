/*
 * An ajax click that gets no answer (status 0) is either an expired session, whose request the security
 * mechanism redirected to Keycloak (a cross-origin redirect the browser refuses), or a server that cannot be
 * reached. Ask the CRM which one it is, and tell the admin: never leave a click silently doing nothing.
 */
(function () {
    function contextPath() {
        return document.body.getAttribute('data-context-path') || '';
    }

    function showUnreachable() {
        var banner = document.getElementById('connection-problem');
        if (banner) {
            banner.hidden = false;
        }
    }

    function onAjaxError(xhr) {
        if (xhr && xhr.status !== 0) {
            return;
        }
        fetch(contextPath() + '/api/session', {credentials: 'same-origin', cache: 'no-store'})
            .then(function (response) { return response.json(); })
            .then(function (session) {
                if (session.active) {
                    showUnreachable();
                } else {
                    window.location.href = contextPath() + '/session-expired.xhtml';
                }
            })
            .catch(showUnreachable);
    }

    // "Copy" buttons put the text of their target on the clipboard and say so.
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-copy-target]') : null;
        if (!button) {
            return;
        }
        var text = document.getElementById(button.getAttribute('data-copy-target')).value;
        navigator.clipboard.writeText(text).then(function () {
            button.textContent = button.getAttribute('data-copied-label');
        });
    });

    /*
     * Listens on one of the CRM's sockets, and reconnects (waiting 1 s, then longer, up to 30 s) whenever it closes:
     * a restarted or stopped instance, a network gap. onOpen hears whether this is a reconnect.
     */
    window.crmListen = function (path, onMessage, onOpen) {
        var wait = 1000;
        var opened = false;
        function connect() {
            var socket = new WebSocket(location.origin.replace(/^http/, 'ws') + contextPath() + path);
            socket.onopen = function () {
                wait = 1000;
                onOpen(opened);
                opened = true;
            };
            socket.onmessage = function () { onMessage(); };
            socket.onclose = function (event) {
                if (event.code === 1008) {
                    return; // refused for good
                }
                setTimeout(connect, wait);
                wait = Math.min(wait * 2, 30000);
            };
        }
        connect();
    };

    if (window.jQuery) {
        jQuery(document).on('pfAjaxError', function (event, xhr) {
            if (window.PF && PF('sending')) {
                PF('sending').hide();
            }
            onAjaxError(xhr);
        });
    }
})();
