// rkt serve: drag and drop onto a workbook's upload form, and the progress of a job. The page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.drop").forEach(function (form) {
    var input = form.querySelector("input[type=file]"), chosen = form.querySelector(".chosen");
    input.addEventListener("change", function () {
      if (input.files.length) { chosen.textContent = input.files[0].name; }
    });
    form.addEventListener("submit", function () {
      form.classList.add("busy");
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    });
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (event) { event.preventDefault(); form.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function () { form.classList.remove("over"); });
    });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      if (!event.dataTransfer || event.dataTransfer.files.length !== 1) { return; }
      input.files = event.dataTransfer.files;
      chosen.textContent = input.files[0].name;
      form.requestSubmit();
    });
  });

  document.querySelectorAll("form:not(.drop)").forEach(function (form) {
    form.addEventListener("submit", function () {
      window.setTimeout(function () {
        form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });

  var job = document.getElementById("tugas");
  if (job) {
    var stage = document.getElementById("tahap"), seconds = document.getElementById("detik");
    var poll = function () {
      fetch(job.dataset.status, { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (status) {
          if (!status.running) { window.location.reload(); return; }
          stage.textContent = status.stage;
          seconds.textContent = Math.round(status.seconds);
          window.setTimeout(poll, 500);
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    };
    window.setTimeout(poll, 300);
  }
});
