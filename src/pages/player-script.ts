/**
 * The episode page's one inline script. It follows the audio: on
 * `timeupdate`/`seeked` it marks the sentence being heard (class `current`,
 * `aria-current`), the current chapter button and the caption cue; chapter
 * buttons and clicks on sentences seek (and play); the skip buttons move
 * 15 seconds; the toggles show captions and switch the live region's
 * announcements (off until asked for). Plain ES2017, no dependencies.
 */
export const PLAYER_SCRIPT = `
(function () {
  'use strict';
  var audio = document.getElementById('player');
  if (!audio) return;
  function timed(selector) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (element) {
      return { element: element, start: Number(element.getAttribute('data-start')), end: Number(element.getAttribute('data-end')) };
    }).filter(function (entry) { return isFinite(entry.start); }).sort(function (a, b) { return a.start - b.start; });
  }
  var sentences = timed('.sentence[data-start]');
  var chapters = timed('button.chapter[data-start]');
  var cueData = document.getElementById('caption-cues');
  var cues = [];
  try { cues = JSON.parse(cueData ? cueData.textContent : '[]'); } catch (error) { cues = []; }
  var caption = document.getElementById('caption');
  var live = document.getElementById('live');
  var announceButton = document.getElementById('announce-toggle');
  var captionsButton = document.getElementById('captions-toggle');
  var currentSentence = null;
  var currentChapter = null;
  var announcing = false;

  function lastStarted(list, ms) {
    var low = 0, high = list.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (list[middle].start <= ms) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found < 0 ? null : list[found];
  }
  function mark(previous, next, className) {
    if (previous === next) return false;
    if (previous) { if (className) previous.classList.remove(className); previous.removeAttribute('aria-current'); }
    if (next) { if (className) next.classList.add(className); next.setAttribute('aria-current', 'true'); }
    return true;
  }
  function update() {
    var ms = audio.currentTime * 1000;
    var sentence = lastStarted(sentences, ms);
    var sentenceElement = sentence ? sentence.element : null;
    if (mark(currentSentence, sentenceElement, 'current')) {
      currentSentence = sentenceElement;
      if (announcing && live && sentenceElement) live.textContent = sentenceElement.textContent;
    }
    var chapter = lastStarted(chapters, ms);
    var chapterElement = chapter ? chapter.element : null;
    if (mark(currentChapter, chapterElement, null)) currentChapter = chapterElement;
    if (caption) {
      var cue = null;
      for (var index = 0; index < cues.length; index += 1) {
        if (cues[index].startMs <= ms && ms < cues[index].endMs) { cue = cues[index]; break; }
      }
      var text = cue ? cue.text : '';
      if (caption.textContent !== text) caption.textContent = text;
    }
  }
  function seek(ms, play) {
    audio.currentTime = Math.max(0, ms / 1000);
    update();
    if (play) {
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(function () {});
    }
  }
  ['timeupdate', 'seeked', 'loadedmetadata', 'play'].forEach(function (name) { audio.addEventListener(name, update); });
  chapters.forEach(function (chapter) {
    chapter.element.addEventListener('click', function () { seek(chapter.start, true); });
  });
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.closest || target.closest('a, button')) return;
    var sentence = target.closest('.sentence[data-start]');
    if (!sentence) return;
    var selection = window.getSelection ? String(window.getSelection()) : '';
    if (selection) return;
    seek(Number(sentence.getAttribute('data-start')), true);
  });
  Array.prototype.forEach.call(document.querySelectorAll('button[data-skip]'), function (button) {
    button.addEventListener('click', function () {
      var target = audio.currentTime + Number(button.getAttribute('data-skip'));
      var end = isFinite(audio.duration) ? audio.duration : target;
      audio.currentTime = Math.max(0, Math.min(target, end));
      update();
    });
  });
  if (announceButton && live) {
    announceButton.addEventListener('click', function () {
      announcing = !announcing;
      announceButton.setAttribute('aria-pressed', String(announcing));
      live.setAttribute('aria-live', announcing ? 'polite' : 'off');
      live.textContent = '';
    });
  }
  if (captionsButton && caption) {
    captionsButton.addEventListener('click', function () {
      var on = captionsButton.getAttribute('aria-pressed') !== 'true';
      captionsButton.setAttribute('aria-pressed', String(on));
      caption.hidden = !on;
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-needs-script]'), function (element) { element.hidden = false; });
  update();
})();
`.trim();
