// Starts Swagger UI on /api/v1/docs with the settings the page carries
// (gongkai/api/docs.py); a file, not an inline script, so a strict CSP can apply.
(function () {
  var element = document.getElementById("swagger-ui");
  var settings = JSON.parse(element.dataset.settings);
  settings.dom_id = "#swagger-ui";
  settings.presets = [SwaggerUIBundle.presets.apis];
  window.ui = SwaggerUIBundle(settings);
})();
