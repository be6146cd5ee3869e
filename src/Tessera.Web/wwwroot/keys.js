// Tessera keyboard shortcuts: plain script, no bundle. "?" lists them; none fires while typing in a field.
(function () {
    "use strict";

    var shortcuts = [
        ["/", "Focus the search box", function () { focusSearch(); }],
        ["g h", "Go to hits", function () { go("/hits"); }],
        ["g c", "Go to cases", function () { go("/cases"); }],
        ["g d", "Go to the situational picture (dashboard)", function () { go("/dashboard"); }],
        ["g i", "Go to import", function () { go("/import"); }],
        ["g n", "Go to the network", function () { go("/network"); }],
        ["?", "Show this help", function () { showHelp(); }]
    ];
    var pending = null;
    var pendingTimer = 0;

    function typing(e) {
        var t = e.target;
        if (!t || !t.tagName) { return false; }
        var tag = t.tagName.toLowerCase();
        return tag === "input" || tag === "textarea" || tag === "select" || t.isContentEditable;
    }

    function go(url) {
        if (window.Blazor && typeof window.Blazor.navigateTo === "function") {
            window.Blazor.navigateTo(url);
        } else {
            window.location.href = url;
        }
    }

    function focusSearch() {
        var box = document.querySelector("[data-testid=search-box] input, input[data-testid=search-box]");
        if (box) {
            box.focus();
            box.select();
        } else {
            go("/");
        }
    }

    function showHelp() {
        var dialog = document.getElementById("tessera-keys-help");
        if (!dialog) {
            dialog = document.createElement("dialog");
            dialog.id = "tessera-keys-help";
            dialog.className = "keys-help";
            dialog.setAttribute("aria-labelledby", "tessera-keys-title");
            dialog.setAttribute("data-testid", "keys-help");
            var html = "<h2 id=\"tessera-keys-title\">Keyboard shortcuts</h2><table><tbody>";
            shortcuts.forEach(function (s) {
                html += "<tr><td>" + s[0].split(" ").map(function (k) { return "<kbd>" + k + "</kbd>"; }).join(" then ") + "</td><td>" + s[1] + "</td></tr>";
            });
            html += "</tbody></table><p>Shortcuts do not fire while you type in a field.</p><button type=\"button\" class=\"keys-close\">Close</button>";
            dialog.innerHTML = html;
            dialog.querySelector(".keys-close").addEventListener("click", function () { dialog.close(); });
            document.body.appendChild(dialog);
        }
        if (!dialog.open) {
            dialog.showModal();
        }
    }

    function run(combo) {
        for (var i = 0; i < shortcuts.length; i++) {
            if (shortcuts[i][0] === combo) {
                shortcuts[i][2]();
                return true;
            }
        }
        return false;
    }

    document.addEventListener("keydown", function (e) {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) {
            return;
        }
        var help = document.getElementById("tessera-keys-help");
        if (help && help.open) {
            return;
        }
        var key = e.key;
        if (pending) {
            var combo = pending + " " + key;
            pending = null;
            window.clearTimeout(pendingTimer);
            if (run(combo)) {
                e.preventDefault();
            }
            return;
        }
        if (key === "g") {
            pending = "g";
            pendingTimer = window.setTimeout(function () { pending = null; }, 1500);
            e.preventDefault();
            return;
        }
        if ((key === "/" || key === "?") && run(key)) {
            e.preventDefault();
        }
    });

    // A table wider (or taller) than its box scrolls inside it: the box takes focus so that a keyboard can scroll it
    // (WCAG 2.1.1), and is named after the table's caption or the heading before it. Checked when the page changes.
    function scrollRegions() {
        document.querySelectorAll(".mud-table-container, .table-scroll").forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
            if (!scrolls || box.hasAttribute("tabindex") || box.querySelector("a[href], button, input, select, textarea, [tabindex]")) { return; }
            box.setAttribute("tabindex", "0");
            box.setAttribute("role", "region");
            if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
                box.setAttribute("aria-label", regionName(box));
            }
        });
    }

    function regionName(box) {
        var caption = box.querySelector("caption");
        if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
        for (var node = box; node && node !== document.body; node = node.parentElement) {
            for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
                if (/^H[1-6]$/.test(before.tagName)) { return before.textContent.trim() + " (table)"; }
            }
        }
        return "Table";
    }

    var pendingCheck = 0;
    function scheduleCheck() {
        if (pendingCheck) { return; }
        pendingCheck = window.requestAnimationFrame(function () { pendingCheck = 0; scrollRegions(); });
    }
    new MutationObserver(scheduleCheck).observe(document.documentElement, { childList: true, subtree: true });
    window.addEventListener("resize", scheduleCheck);

    // The skip link moves focus to the main content without changing the address (the page has a <base href>).
    document.addEventListener("click", function (e) {
        var link = e.target && e.target.closest ? e.target.closest("a.skip-link") : null;
        if (!link) { return; }
        var main = document.getElementById("main-content");
        if (main) {
            e.preventDefault();
            main.focus();
        }
    });
})();
