// Legend checkboxes show and hide one kind of highlight in the article's title, standfirst
// and text.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.querySelector("article.doc");
  if (!text) return;
  document.querySelectorAll("#legend input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
});
