// The review page: draws the outline from /api/outline, sends each edit with the version it
// was made on, highlights an item's cited sentences and shows the slide it lands on.
"use strict";

const token = document.querySelector('meta[name="deckgen-token"]').content;
const outlineBox = document.getElementById("outline");
const statusBox = document.querySelector('[data-testid="status"]');
const messageBox = document.querySelector('[data-testid="message"]');
const addBar = document.querySelector('[data-testid="add-bar"]');
const addTarget = document.querySelector('[data-testid="add-target"]');
const previewImage = document.querySelector('[data-testid="preview-image"]');
const previewNote = document.querySelector('[data-testid="preview-note"]');
const previewCaption = document.querySelector('[data-testid="preview-caption"]');
const settingsForm = document.querySelector('[data-testid="settings"]');
const undoButton = document.querySelector('[data-testid="undo"]');

let state = null;          // the last /api/outline answer
let selected = null;       // id of the selected item
let pickedSentence = null; // id of the source sentence offered as a new bullet
let previewRequest = 0;    // only the latest preview request draws

const testId = (id) => id.replace(/[/#]/g, "-");

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null));
  return node;
}

function showMessage(text, reload = false) {
  messageBox.replaceChildren(text);
  if (reload) messageBox.append(" ", element("button", {type: "button", "data-testid": "reload", onclick: () => load()}, "Reload"));
  messageBox.hidden = !text;
}

async function request(url, body) {
  const response = await fetch(url, body === undefined ? {} : {
    method: "POST", body: JSON.stringify(body),
    headers: {"Content-Type": "application/json", "X-Deckgen-Token": token},
  });
  const data = await response.json();
  if (!response.ok) {
    showMessage(data.error || `request failed (${response.status})`, response.status === 409);
    throw new Error(data.error);
  }
  return data;
}

async function load() {
  showMessage("");
  draw(await request("/api/outline"));
}

async function edit(fields) {
  const view = await request("/api/edit", {version: state.version, ...fields});
  if (fields.item === selected && fields.op !== "text") selected = null;  // its id now names another item
  draw(view);
  showMessage("");
  preview();  // the selected item's slide, drawn again
}

// ---- the outline ------------------------------------------------------------------------
function draw(view) {
  state = view;
  statusBox.textContent = `Saved to ${view.outline_file} · version ${view.version}`;
  document.querySelector('[data-testid="render-command"]').textContent = view.command;
  undoButton.disabled = !view.undo;
  for (const field of settingsForm.elements) {
    if (field.name) field.value = view.settings[field.name] ?? "";
  }
  const bulletGroups = view.groups.filter((group) => group.family === "bullets");
  addTarget.replaceChildren(...bulletGroups.map((group) => element("option", {value: group.id}, group.title)));
  let lastKind = null;
  const blocks = [];
  for (const group of view.groups) {
    if (group.kind !== lastKind && ["sections", "perspectives", "contrasts"].includes(group.kind)) {
      blocks.push(element("h3", {class: "kind-heading"}, {sections: "Sections", perspectives: "Perspectives",
                                                           contrasts: "Contrasts"}[group.kind]));
    }
    lastKind = group.kind;
    blocks.push(drawGroup(group, view));
  }
  outlineBox.replaceChildren(...blocks);
  if (selected && !findItem(selected)) selected = null;
  highlight();
}

function findItem(id) {
  for (const group of state.groups) {
    const item = group.items.find((entry) => entry.id === id);
    if (item) return {group, item};
  }
  return null;
}

function drawGroup(group, view) {
  const sections = view.groups.filter((g) => g.kind === "sections");
  const position = sections.indexOf(group);
  const header = element("div", {class: "group-header"},
    element("span", {class: "group-title", "data-testid": `group-title-${testId(group.id)}`}, group.title));
  if (group.kind === "sections") {
    header.append(element("span", {class: "group-actions"},
      iconButton("↑", `Move section up`, `section-up-${testId(group.id)}`, position === 0,
                 () => edit({op: "move_section", group: group.id, position: position - 1})),
      iconButton("↓", `Move section down`, `section-down-${testId(group.id)}`, position === sections.length - 1,
                 () => edit({op: "move_section", group: group.id, position: position + 1})),
      iconButton("Rename", "Rename the section", `rename-${testId(group.id)}`, false, () => renameSection(group, header))));
  }
  const list = element("ol", {class: "items"}, ...group.items.map((item, index) => drawItem(item, index, group, view)));
  if (group.readonly) header.append(element("span", {class: "hint"}, "drawn from the figures; not edited here"));
  const empty = group.items.length ? null : element("p", {class: "empty"},
    group.withheld.length ? `No bullet: the sources touch on this only in ${group.withheld.join(", ")}.`
                          : "No bullet: the sources hold nothing on this topic.");
  return element("section", {class: `group kind-${group.kind}`, "data-testid": `group-${testId(group.id)}`}, header, list, empty);
}

function drawItem(item, index, group, view) {
  const text = element("div", {class: "item-text", "data-testid": `text-${testId(item.id)}`}, ...markedWords(item));
  if (item.label) text.prepend(element("span", {class: "item-label", title: "shown before the text; not from the source"}, `${item.label}: `));
  const markers = element("div", {class: "item-meta"},
    ...item.markers.map((marker) => element("span", {class: "marker"}, marker)),
    item.reason ? element("span", {class: "reason", "data-testid": `reason-${testId(item.id)}`,
                                   title: "why the summarizer chose it"}, item.reason) : null,
    item.faithful ? null : element("span", {class: "flag", "data-testid": `flag-${testId(item.id)}`},
      item.added.length ? `adds words not in the source: ${item.added.join(", ")}` : "words out of the source's order"));
  const targets = view.groups.filter((g) => g.family === group.family && g.id !== group.id);
  const actions = group.readonly ? element("div", {class: "item-actions"}) : element("div", {class: "item-actions"},
    iconButton("↑", "Move up", `up-${testId(item.id)}`, index === 0,
               () => edit({op: "move", item: item.id, position: index - 1})),
    iconButton("↓", "Move down", `down-${testId(item.id)}`, index === group.items.length - 1,
               () => edit({op: "move", item: item.id, position: index + 1})),
    targets.length ? moveSelect(item, targets) : null,
    iconButton("Edit", "Edit the text", `edit-${testId(item.id)}`, false, () => editItem(item, node)),
    iconButton("Drop", "Drop from the deck", `drop-${testId(item.id)}`, false, () => edit({op: "drop", item: item.id})));
  markers.append(actions);
  const node = element("li", {class: `item${item.faithful ? "" : " unfaithful"}${item.id === selected ? " selected" : ""}`,
                              "data-testid": `item-${testId(item.id)}`, "data-item": item.id, tabindex: "0"},
                       text, markers);
  node.addEventListener("click", (event) => {
    if (event.target.closest("button, select, textarea")) return;
    select(item.id);
  });
  node.addEventListener("keydown", (event) => { if (event.key === "Enter" && event.target === node) select(item.id); });
  return node;
}

function markedWords(item) {
  if (!item.added.length) return [item.text];
  const added = new Set(item.added);
  return item.text.split(/(\s+)/).map((word) => {
    const bare = word.toLowerCase().replace(/^[^\w%$€£]+|[^\w%$€£]+$/g, "");
    return added.has(bare) ? element("mark", {class: "added", title: "not in the source"}, word) : word;
  });
}

function iconButton(label, title, id, disabled, action) {
  const button = element("button", {type: "button", title, "aria-label": title, "data-testid": id, onclick: action}, label);
  button.disabled = disabled;
  return button;
}

function moveSelect(item, targets) {
  const choice = element("select", {"data-testid": `move-${testId(item.id)}`, title: "Move to another group"},
    element("option", {value: ""}, "Move to…"),
    ...targets.map((target) => element("option", {value: target.id}, target.title)));
  choice.addEventListener("change", () => { if (choice.value) edit({op: "move", item: item.id, to: choice.value}); });
  return choice;
}

function editItem(item, node) {
  const area = element("textarea", {"data-testid": "edit-text", rows: "4"});
  area.value = item.text;
  const save = () => edit({op: "text", item: item.id, text: area.value});
  node.querySelector(".item-text").replaceWith(element("div", {class: "editor"}, area,
    element("div", {class: "editor-actions"},
      element("button", {type: "button", "data-testid": "save-edit", onclick: save}, "Save"),
      element("button", {type: "button", class: "secondary", "data-testid": "cancel-edit", onclick: () => draw(state)}, "Cancel"),
      element("span", {class: "hint"}, "Delete words freely; added words are flagged and the footnote stays."))));
  area.focus();
}

function renameSection(group, header) {
  const input = element("input", {"data-testid": "rename-input", value: group.title});
  const save = () => edit({op: "rename", group: group.id, title: input.value});
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") save(); if (event.key === "Escape") draw(state); });
  header.replaceChildren(input, element("button", {type: "button", "data-testid": "save-rename", onclick: save}, "Save"));
  input.select();
}

// ---- selection: cited sentences and the slide ------------------------------------------------
function select(id) {
  selected = id;
  for (const node of outlineBox.querySelectorAll(".item")) node.classList.toggle("selected", node.dataset.item === id);
  highlight(true);
  preview();
}

function highlight(scroll = false) {
  const used = new Set(state.groups.filter((group) => group.family === "bullets")
    .flatMap((group) => group.items.flatMap((item) => item.sentences)));
  for (const node of document.querySelectorAll(".sentence")) node.classList.toggle("used", used.has(node.dataset.sentence));
  for (const node of document.querySelectorAll(".sentence.cited")) node.classList.remove("cited");
  const found = selected && findItem(selected);
  if (!found) return;
  const nodes = found.item.sentences.map((id) => document.querySelector(`[data-sentence="${CSS.escape(id)}"]`)).filter(Boolean);
  for (const node of nodes) node.classList.add("cited");
  if (scroll && nodes.length) nodes[0].scrollIntoView({block: "center", behavior: "smooth"});
}

async function preview() {
  if (!selected) return;
  const mine = ++previewRequest;
  previewNote.textContent = "Drawing the slide…";
  previewNote.hidden = false;
  let answer;
  try {
    answer = await request(`/api/preview?item=${encodeURIComponent(selected)}`);
  } catch (error) {
    if (mine === previewRequest) previewNote.textContent = "The slide could not be drawn.";
    return;
  }
  if (mine !== previewRequest) return;
  if (answer.image) {
    previewImage.src = answer.image;
    previewImage.hidden = false;
    previewNote.hidden = true;
    previewCaption.textContent = `slide ${answer.slide} of ${answer.slides}`;
  } else {
    previewImage.hidden = true;
    previewNote.textContent = answer.note;
    previewCaption.textContent = "";
  }
}

// ---- sources: a sentence as a new bullet ---------------------------------------------------
document.getElementById("sources").addEventListener("click", (event) => {
  const sentence = event.target.closest(".sentence");
  if (!sentence) return;
  for (const node of document.querySelectorAll(".sentence.picked")) node.classList.remove("picked");
  sentence.classList.add("picked");
  pickedSentence = sentence.dataset.sentence;
  const citing = state.groups.filter((group) => group.items.some((item) => item.sentences.includes(pickedSentence)));
  document.querySelector('[data-testid="add-quote"]').textContent = `${pickedSentence}: ${sentence.textContent}`;
  document.querySelector('[data-testid="add-cited-by"]').textContent = citing.length
    ? `Already cited in: ${citing.map((group) => group.title).join("; ")}` : "Not cited in the outline yet.";
  addBar.hidden = false;
});

document.querySelector('[data-testid="add-bullet"]').addEventListener("click", async () => {
  await edit({op: "add", sentence: pickedSentence, to: addTarget.value});
  closeAddBar();
});
document.querySelector('[data-testid="add-cancel"]').addEventListener("click", closeAddBar);

function closeAddBar() {
  addBar.hidden = true;
  pickedSentence = null;
  for (const node of document.querySelectorAll(".sentence.picked")) node.classList.remove("picked");
}

undoButton.addEventListener("click", () => edit({op: "undo"}));

// ---- settings ---------------------------------------------------------------------------
settingsForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const values = {};
  for (const field of settingsForm.elements) {  // an empty field: the layout's own value
    if (!field.name) continue;
    values[field.name] = field.value === "" ? null : field.name === "notes" ? field.value === "true"
      : field.name === "max_bullets" ? Number(field.value) : field.value;
  }
  draw(await request("/api/settings", values));
  showMessage("");
  preview();
});

load();
