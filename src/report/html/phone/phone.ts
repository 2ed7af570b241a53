/**
 * A phone beside each diagram: call the menu from the page, hear each prompt at the flow's
 * speaking rate, press keys, say a phrase, wait out a timeout, and watch the call move through
 * the diagram. The call moves by the project's own step function (engine.bundle.js, built from
 * src/call at build time); the flow travels in the page as data.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FlowReport } from '../../../analysis/check.js';
import { escapeText } from '../escape.js';
import { flowJson } from './engine.js';

let bundle: string | undefined;
/** The engine's browser bundle: beside this module once built, under dist/ while tests run src/. */
export function phoneEngineSource(): string {
  if (bundle !== undefined) return bundle;
  const beside = new URL('./engine.bundle.js', import.meta.url);
  const built = new URL('../../../../dist/report/html/phone/engine.bundle.js', import.meta.url);
  const file = existsSync(beside) ? beside : built;
  if (!existsSync(file)) throw new Error('The phone is not built: run `npm run build`.');
  bundle = readFileSync(file, 'utf8');
  return bundle;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** The flow as data in the page: a JSON block, never run, `<` written so it cannot end it. */
function dataBlock(flow: FlowReport, index: number): string {
  const json = flowJson(flow.flow).replace(/</g, '\\u003c');
  return `<script type="application/json" id="flow-data-${index}">${json}</script>`;
}

/** The phone of one flow: closed until its Call button is pressed. */
export function phoneSection(flow: FlowReport, index: number): string {
  const name = flow.title ?? flow.id;
  const conditions = Object.entries(flow.flow.conditions)
    .map(
      ([condition, values]) =>
        `<label>${escapeText(condition)} <select data-condition="${escapeText(condition)}">${values
          .map((value) => `<option>${escapeText(value)}</option>`)
          .join('')}</select></label>`,
    )
    .join(' ');
  const keypad = KEYS.map(
    (key) =>
      `<button type="button" class="key" data-key="${key}" aria-label="${key}">${key}</button>`,
  ).join('');
  return `<div class="phone" data-phone="${index}">
<button type="button" class="call-button" aria-label="Call ${escapeText(name)}" aria-expanded="false">Call</button>
<div class="phone-panel" tabindex="0" aria-label="Phone: type keys here" hidden>
${conditions ? `<p class="phone-conditions">${conditions}</p>` : ''}
<p class="phone-status" aria-live="polite"></p>
<div class="keypad">${keypad}</div>
<p class="phone-say"><input type="text" aria-label="Say a phrase" placeholder="say a phrase"> <button type="button" class="say">Say</button></p>
<p class="phone-actions"><button type="button" class="wait">Wait (silence)</button> <button type="button" class="hang-up">Hang up</button> <button type="button" class="again">Start again</button> <label><input type="checkbox" class="mute"> Mute</label></p>
<p class="phone-voice" hidden></p>
<ol class="transcript" role="log" aria-label="Transcript of the call"></ol>
<p class="phone-outcome" role="status"></p>
</div>
${dataBlock(flow, index)}
</div>`;
}

/**
 * The phone in the browser. Keys are buffered as the walker buffers them: an extension waits
 * for its next digit, a value for Enter, `#` or a pause. Speaking stops at any key (barge-in).
 */
export const PHONE_SCRIPT = `(function () {
  var engine = window.phonemazePhone;
  document.querySelectorAll('[data-phone]').forEach(function (phone) {
    var index = phone.getAttribute('data-phone');
    var data = JSON.parse(document.getElementById('flow-data-' + index).textContent);
    var section = phone.closest('section.flow');
    var panel = phone.querySelector('.phone-panel');
    var button = phone.querySelector('.call-button');
    var status = phone.querySelector('.phone-status');
    var log = phone.querySelector('.transcript');
    var outcome = phone.querySelector('.phone-outcome');
    var voice = phone.querySelector('.phone-voice');
    var mute = phone.querySelector('.mute');
    var say = phone.querySelector('.phone-say input');
    var language = data.flow.language || 'en';
    var rate = (data.flow.settings && data.flow.settings.wordsPerMinute || 160) / 160;
    var current = null, typed = '', pause = null;
    function speech() { return typeof window.speechSynthesis === 'undefined' ? null : window.speechSynthesis; }
    function hush() { var s = speech(); if (s) s.cancel(); }
    function speak(text) {
      var s = speech();
      if (!s || mute.checked || typeof SpeechSynthesisUtterance === 'undefined') return;
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = language;
      utterance.rate = rate;
      s.speak(utterance);
    }
    function line(text, kind) {
      var item = document.createElement('li');
      item.className = kind;
      item.textContent = text;
      log.appendChild(item);
    }
    function mark() {
      var node = current.call.node;
      section.querySelectorAll('g.node[aria-current]').forEach(function (g) { g.removeAttribute('aria-current'); g.classList.remove('current'); });
      section.querySelectorAll('g.node').forEach(function (g) {
        if (g.getAttribute('data-node') === node) { g.setAttribute('aria-current', 'step'); g.classList.add('current'); }
      });
    }
    function show(entry, from) {
      if (from !== undefined && entry.node !== from) {
        section.querySelectorAll('g.move').forEach(function (move) {
          if (move.getAttribute('data-from') === from && move.getAttribute('data-to') === entry.node) move.classList.add('taken');
        });
      }
      if (entry.input !== undefined) line('You ' + engine.describeInput(entry.input) + '.', 'caller');
      entry.heard.forEach(function (heard) { line('\\u201c' + heard.prompt + '\\u201d', 'system'); speak(heard.prompt); });
      status.textContent = 'step ' + current.call.stepCount + ' \\u00b7 ' + Math.round(current.call.secondsInMenus * 10) / 10 + ' s';
      var ended = current.outcome();
      outcome.textContent = ended || '';
      mark();
    }
    function send(event) {
      if (!current || current.call.ended) return;
      hush();
      var from = current.call.node;
      current.send(event);
      show(current.call.transcript[current.call.transcript.length - 1], from);
    }
    function start() {
      hush();
      clearTimeout(pause);
      typed = '';
      log.textContent = '';
      section.querySelectorAll('g.move.taken').forEach(function (move) { move.classList.remove('taken'); });
      var conditions = {};
      phone.querySelectorAll('[data-condition]').forEach(function (select) { conditions[select.getAttribute('data-condition')] = select.value; });
      current = engine.startPhoneCall(data, conditions);
      show(current.call.transcript[0]);
      var s = speech();
      var voices = s ? s.getVoices() : [];
      var has = voices.some(function (v) { return v.lang && v.lang.slice(0, 2).toLowerCase() === language.slice(0, 2).toLowerCase(); });
      voice.hidden = has;
      voice.textContent = has ? '' : (s ? 'This browser has no voice for ' + language + ': the prompts are shown as text.' : 'This browser cannot speak: the prompts are shown as text.');
    }
    function here() {
      var id = current && current.call.node;
      for (var i = 0; i < data.nodes.length; i++) if (data.nodes[i][0] === id) return data.nodes[i][1];
      return undefined;
    }
    function submit() {
      clearTimeout(pause);
      if (typed === '') return;
      var entry = typed;
      typed = '';
      var node = here();
      send(node && node.type === 'input' ? { type: 'enter', value: entry } : { type: 'press', key: entry });
    }
    function dial(key) {
      if (!current || current.call.ended) return;
      hush();
      var node = here();
      if (key === '#' && typed !== '' && node && node.type === 'input') return submit();
      typed += key;
      if (engine.entryComplete(node, typed)) return submit();
      status.textContent = 'keys: ' + typed;
      clearTimeout(pause);
      pause = setTimeout(submit, engine.ENTRY_PAUSE_MS);
    }
    button.addEventListener('click', function () {
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) { start(); panel.focus(); } else hush();
    });
    phone.querySelectorAll('.key').forEach(function (key) {
      key.addEventListener('click', function () { dial(key.getAttribute('data-key')); });
    });
    phone.querySelectorAll('[data-condition]').forEach(function (select) { select.addEventListener('change', start); });
    phone.querySelector('.say').addEventListener('click', function () {
      var phrase = say.value.trim();
      say.value = '';
      if (phrase) send({ type: 'say', phrase: phrase });
    });
    say.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); phone.querySelector('.say').click(); }
      event.stopPropagation();
    });
    phone.querySelector('.wait').addEventListener('click', function () { submit(); send({ type: 'silence' }); });
    phone.querySelector('.hang-up').addEventListener('click', function () { send({ type: 'hangUp' }); hush(); });
    phone.querySelector('.again').addEventListener('click', start);
    mute.addEventListener('change', function () { if (mute.checked) hush(); });
    panel.addEventListener('keydown', function (event) {
      if (/^[0-9*#]$/.test(event.key)) { event.preventDefault(); dial(event.key); }
      else if (event.key === 'Enter') { event.preventDefault(); submit(); }
    });
  });
})();`;
