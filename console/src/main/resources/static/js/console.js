// Duban console: the one script file. Pages work without it; it adds small conveniences. No inline
// script anywhere (the Content-Security-Policy forbids it), so behaviour hangs on data-* attributes.
(function () {
  'use strict';

  // htmx calls carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  function onReady(run) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', run);
    } else {
      run();
    }
  }

  // A refused form: focus its error summary so that screen readers and keyboards start there.
  function focusErrors(root) {
    var summary = root.querySelector('[data-focus-on-load]');
    if (summary) {
      summary.focus();
    }
  }

  // <button data-print>: print the page (the receipt, a report).
  function wirePrint(root) {
    root.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  }

  // <form data-confirm="…">: ask before a step that cannot be undone.
  function wireConfirm(root) {
    root.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  }

  // data-visible-when="name=value" (or "name=one|other"): shown only while the form's input `name` holds
  // `value` (one of them) (a radio, a select or a checkbox); without script everything stays visible.
  function wireVisibility(root) {
    root.querySelectorAll('[data-visible-when]').forEach(function (element) {
      var rule = element.getAttribute('data-visible-when').split('=');
      var form = element.closest('form') || document;
      var inputs = form.querySelectorAll('[name="' + rule[0] + '"]');
      function current() {
        var value = null;
        inputs.forEach(function (input) {
          if (input.type === 'checkbox') {
            value = String(input.checked); // an unticked checkbox reads "false", so "name=false" can match
          } else if (input.type === 'radio' ? input.checked : true) {
            value = input.value;
          }
        });
        return value;
      }
      function update() { element.hidden = rule[1].split('|').indexOf(current()) < 0; }
      inputs.forEach(function (input) { input.addEventListener('change', update); });
      update();
    });
  }

  // <div class="chart" data-chart='{…ECharts options…}'>: the options are built on the server.
  function drawCharts(root) {
    if (!window.echarts) {
      return;
    }
    root.querySelectorAll('[data-chart]').forEach(function (element) {
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(JSON.parse(element.getAttribute('data-chart')));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function wire(root) {
    wirePrint(root);
    wireConfirm(root);
    wireVisibility(root);
    drawCharts(root);
  }

  onReady(function () {
    wire(document);
    focusErrors(document);
  });
  // content htmx brings in (the board's refreshed lines) gets the same behaviour
  document.addEventListener('htmx:load', function (event) {
    if (event.detail.elt !== document.body) {
      wire(event.detail.elt);
    }
  });
})();
