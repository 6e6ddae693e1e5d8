/**
 * The episode page's one inline script. It follows the audio: once playing
 * has started (or the reader seeks), on `timeupdate`/`seeked` it marks the
 * sentence being heard (class `current`, `aria-current`), the current
 * chapter button and the caption cue, and, while follow-along is on, scrolls
 * the sentence into view below the player. Chapter buttons and sentences
 * seek (and play): sentences become keyboard buttons (Tab, then Enter or
 * Space). The skip buttons move 15 seconds; the toggles show captions,
 * switch follow-along (remembered in `localStorage`) and the live region's
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
  var followButton = document.getElementById('follow-toggle');
  var player = document.querySelector('.player');
  var currentSentence = null;
  var currentChapter = null;
  var announcing = false;
  var started = false;
  var FOLLOW_KEY = 'briefing.follow-along';
  var following = true;
  try { following = window.localStorage.getItem(FOLLOW_KEY) !== 'off'; } catch (error) { following = true; }
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

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
  function playerBottom() {
    return player ? player.getBoundingClientRect().bottom : 0;
  }
  function keepInView(element) {
    var box = element.getBoundingClientRect();
    var top = Math.max(0, playerBottom());
    if (box.top >= top && box.bottom <= window.innerHeight) return;
    var target = window.scrollY + box.top - top - Math.max(0, (window.innerHeight - top - box.height) / 3);
    window.scrollTo({ top: Math.max(0, target), behavior: reducedMotion ? 'auto' : 'smooth' });
  }
  function update() {
    if (!started) return;
    var ms = audio.currentTime * 1000;
    var sentence = lastStarted(sentences, ms);
    var sentenceElement = sentence ? sentence.element : null;
    if (mark(currentSentence, sentenceElement, 'current')) {
      currentSentence = sentenceElement;
      if (announcing && live && sentenceElement) live.textContent = sentenceElement.textContent;
      if (following && sentenceElement && !audio.paused) keepInView(sentenceElement);
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
    started = true;
    audio.currentTime = Math.max(0, ms / 1000);
    update();
    if (play) {
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(function () {});
    }
  }
  ['play', 'seeking'].forEach(function (name) { audio.addEventListener(name, function () { started = true; }); });
  ['timeupdate', 'seeked', 'loadedmetadata', 'play'].forEach(function (name) { audio.addEventListener(name, update); });
  chapters.forEach(function (chapter) {
    chapter.element.addEventListener('click', function () { seek(chapter.start, true); });
  });
  sentences.forEach(function (sentence) {
    sentence.element.setAttribute('tabindex', '0');
    sentence.element.setAttribute('role', 'button');
    sentence.element.setAttribute('aria-describedby', 'sentence-hint');
    sentence.element.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      seek(sentence.start, true);
    });
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
  if (followButton) {
    followButton.setAttribute('aria-pressed', String(following));
    followButton.addEventListener('click', function () {
      following = !following;
      followButton.setAttribute('aria-pressed', String(following));
      try { window.localStorage.setItem(FOLLOW_KEY, following ? 'on' : 'off'); } catch (error) { /* storage blocked: the choice lasts for this visit */ }
      if (following && currentSentence) keepInView(currentSentence);
    });
  }
  function reserveRoomForPlayer() {
    // Focused and linked elements scroll to below the player that covers the top of the window.
    if (player) document.documentElement.style.scrollPaddingTop = Math.ceil(player.offsetHeight + 16) + 'px';
  }
  window.addEventListener('resize', reserveRoomForPlayer);
  if (captionsButton && caption) {
    captionsButton.addEventListener('click', function () {
      var on = captionsButton.getAttribute('aria-pressed') !== 'true';
      captionsButton.setAttribute('aria-pressed', String(on));
      caption.hidden = !on;
      reserveRoomForPlayer();
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-needs-script]'), function (element) { element.hidden = false; });
  if (audio.currentTime > 0) started = true;
  reserveRoomForPlayer();
  update();
})();
`.trim();
