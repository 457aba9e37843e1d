/*
 * The requesters' view in Tasklist (MyTicketsResource):
 * - "My tickets" in the header: the signed-in user's tickets, open and closed, where each stands, what it waits
 *   for (with a link to their own task), its deadlines and the notices it sent them;
 * - right after a ticket is submitted, its number, priority and deadlines, where Tasklist only says "The
 *   process has been started.";
 * - the start form filled in with their name, department and contact (Tasklist opens a start form with what it
 *   keeps under "camunda-form:undefined"; every field stays editable, for reporting on someone else's behalf);
 * - a "Conversation" tab on every task: the notices the requester got and the mails they sent, and for the agent
 *   the task is assigned to, a box to write to the requester.
 *
 * Plain DOM, no framework and no build step. Text from the server is always set as textContent.
 */

const STARTED = 'The process has been started.';
const START_FORM_DRAFT = 'camunda-form:undefined';

function apiUrl(api, path) {
  return `${api.tasklistApi}/plugin/my-tickets/${api.engine}/${path}`;
}

async function call(api, path, body) {
  const response = await fetch(apiUrl(api, path), {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.message || `${response.status} ${response.statusText}`);
  }
  return response.status === 204 ? null : response.json();
}

function getJson(api, path) {
  return call(api, path);
}

/** el('td', {class: 'x'}, 'text', node): strings become text nodes, never HTML. */
function el(tag, attributes, ...content) {
  const node = document.createElement(tag);
  for (const [name, val] of Object.entries(attributes || {})) {
    if (val !== null && val !== undefined && val !== false) {
      node.setAttribute(name, val === true ? '' : String(val));
    }
  }
  for (const part of content.flat(Infinity)) {
    if (part !== null && part !== undefined && part !== false) {
      node.append(part instanceof Node ? part : document.createTextNode(String(part)));
    }
  }
  return node;
}

/** "Tue 1 Dec 2026, 18:30" in the browser's time zone. */
function when(iso) {
  if (!iso) {
    return '—';
  }
  return new Date(iso).toLocaleString('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'
  });
}

function taskLink(ticket) {
  return ticket.yourTaskId
    ? el('a', {href: `#/?task=${encodeURIComponent(ticket.yourTaskId)}`, class: 'my-tickets-your-task'},
      'Open your task')
    : null;
}

function conversation(ticket) {
  if (!ticket.conversation || !ticket.conversation.length) {
    return null;
  }
  return el('details', {class: 'my-tickets-conversation'},
    el('summary', {}, `Messages (${ticket.conversation.length})`),
    ticket.conversation.map(message => el('div', {class: `my-tickets-message ${message.received ? 'in' : 'out'}`},
      el('div', {class: 'my-tickets-message-head'}, when(message.at), ' · ',
        message.received ? 'You wrote' : 'We wrote', ' · ', message.subject),
      el('pre', {}, message.text))));
}

function ticketRows(tickets) {
  return tickets.map(ticket => el('tr', {'data-ticket': ticket.number, class: ticket.open ? 'open' : 'closed'},
    el('td', {class: 'my-tickets-number'}, ticket.number),
    el('td', {}, el('div', {}, ticket.title), conversation(ticket)),
    el('td', {class: 'my-tickets-status'}, ticket.status),
    el('td', {class: 'my-tickets-waiting'}, ticket.waitingFor || '—', ' ', taskLink(ticket)),
    el('td', {}, ticket.priority),
    el('td', {}, ticket.open ? when(ticket.responseDueAt) : '—'),
    el('td', {}, ticket.open ? when(ticket.resolutionDueAt) : when(ticket.closedAt))));
}

function closeDialog() {
  document.getElementById('my-tickets-dialog')?.remove();
}

async function openDialog(api) {
  closeDialog();
  const body = el('div', {class: 'my-tickets-body'}, el('p', {}, 'Loading your tickets…'));
  const dialog = el('div', {id: 'my-tickets-dialog', class: 'my-tickets-backdrop', role: 'dialog',
    'aria-label': 'My tickets'},
  el('div', {class: 'my-tickets-panel'},
    el('div', {class: 'my-tickets-head'}, el('h3', {}, 'My tickets'),
      el('button', {type: 'button', class: 'btn btn-default', id: 'my-tickets-close'}, 'Close')),
    body));
  dialog.addEventListener('click', event => {
    if (event.target === dialog || event.target.id === 'my-tickets-close' || event.target.closest('a')) {
      closeDialog();
    }
  });
  document.body.append(dialog);
  try {
    const tickets = await getJson(api, 'tickets');
    body.replaceChildren(tickets.length
      ? el('table', {class: 'table my-tickets-table', id: 'my-tickets-table'},
        el('thead', {}, el('tr', {}, ['Ticket', 'Title', 'Status', 'Waiting for', 'Priority', 'Respond by',
          'Resolve by / closed'].map(heading => el('th', {}, heading)))),
        el('tbody', {}, ticketRows(tickets)))
      : el('p', {id: 'my-tickets-none'}, 'You have no tickets yet. Start one with "Start process".'));
  } catch (error) {
    body.replaceChildren(el('div', {class: 'alert alert-danger'}, error.message));
  }
}

/** After the start form: the new ticket's number and deadlines, in place of Tasklist's "process started". */
async function announceNewTicket(api) {
  const [newest] = await getJson(api, 'tickets');
  if (!newest) {
    return;
  }
  document.getElementById('my-tickets-started')?.remove();
  const banner = el('div', {id: 'my-tickets-started', class: 'alert alert-success my-tickets-started', role: 'status'},
    el('button', {type: 'button', class: 'close', 'aria-label': 'Close'}, '×'),
    el('strong', {}, `Ticket ${newest.number} received`), ` — "${newest.title}"`,
    el('div', {}, `Priority ${newest.priority}. We will respond by `, el('strong', {class: 'my-tickets-respond-by'},
      when(newest.responseDueAt)), ` and aim to resolve it by ${when(newest.resolutionDueAt)}.`),
    el('div', {}, 'We have sent you a confirmation. ', el('a', {href: '#', class: 'my-tickets-open'},
      'See it under My tickets')));
  banner.addEventListener('click', event => {
    if (event.target.classList.contains('my-tickets-open')) {
      event.preventDefault();
      openDialog(api);
    }
    if (event.target.classList.contains('my-tickets-open') || event.target.classList.contains('close')) {
      banner.remove();
    }
  });
  document.body.append(banner);
}

/** Adds the profile to the start form's draft: what the user saved there (Tasklist's "Save") stays. */
async function prefillStartForm(api) {
  const profile = await getJson(api, 'profile');
  let draft = {};
  try {
    draft = JSON.parse(localStorage.getItem(START_FORM_DRAFT) || '{}') || {};
  } catch (ignored) {
    draft = {};
  }
  for (const name of ['requesterName', 'requesterDepartment', 'requesterContact']) {
    if (profile[name] && !draft[name]) {
      draft[name] = profile[name];
    }
  }
  localStorage.setItem(START_FORM_DRAFT, JSON.stringify(draft));
}

function watchForStartedTickets(api) {
  new MutationObserver(mutations => {
    const started = mutations.some(mutation => [...mutation.addedNodes].some(node =>
      node.nodeType === Node.ELEMENT_NODE && node.textContent.includes(STARTED)));
    if (started) {
      announceNewTicket(api).catch(() => { /* the ticket is in "My tickets" all the same */ });
      prefillStartForm(api).catch(() => {});
    }
  }).observe(document.body, {childList: true, subtree: true});
}

function message(notice) {
  const received = notice.delivery === 'received';
  return el('div', {class: `my-tickets-message ${received ? 'in' : 'out'}`},
    el('div', {class: 'my-tickets-message-head'}, when(notice.createdAt), ' · ',
      received ? `From ${notice.addresses.join(', ')}` : 'To the requester', ' · ', notice.subject),
    el('pre', {}, notice.body));
}

async function renderConversation(node, api, taskId) {
  node.replaceChildren(el('p', {}, 'Loading the conversation…'));
  try {
    const view = await getJson(api, `tasks/${encodeURIComponent(taskId)}/conversation`);
    if (!view.ticketNumber) {
      node.replaceChildren(el('p', {id: 'task-conversation-none'},
        'This task is not about a ticket: it has no conversation with a requester.'));
      return;
    }
    const list = el('div', {id: 'task-conversation-messages'}, view.messages.length
      ? view.messages.map(message) : el('p', {}, 'No messages yet.'));
    node.replaceChildren(el('div', {class: 'my-tickets-task-conversation'},
      el('p', {}, `Ticket ${view.ticketNumber}: what the requester was told and what they wrote.`), list));
    if (view.mayWrite) {
      const text = el('textarea', {id: 'task-conversation-text', class: 'form-control', rows: 4, maxlength: 4000,
        placeholder: 'A message to the requester (they get it by e-mail and can reply)'});
      const send = el('button', {type: 'button', class: 'btn btn-default', id: 'task-conversation-send'},
        'Send to the requester');
      const status = el('span', {class: 'my-tickets-send-status', role: 'status'});
      send.addEventListener('click', async () => {
        send.disabled = true;
        try {
          await call(api, `tasks/${encodeURIComponent(taskId)}/messages`, {message: text.value});
          text.value = '';
          await renderConversation(node, api, taskId);
        } catch (error) {
          status.textContent = error.message;
          send.disabled = false;
        }
      });
      node.firstChild.append(el('div', {class: 'form-group'}, text), send, ' ', status);
    }
  } catch (error) {
    node.replaceChildren(el('div', {class: 'alert alert-warning'}, error.message));
  }
}

const conversationTab = {
  id: 'my-tickets-conversation',
  pluginPoint: 'tasklist.task.detail',
  label: 'Conversation',
  priority: 50,
  render: (node, {api, taskId}) => {
    renderConversation(node, api, taskId);
  }
};

const myTicketsAction = {
  id: 'my-tickets-action',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node, {api}) => {
    const link = el('a', {href: '#', id: 'my-tickets-menu', class: 'my-tickets-menu', title: 'Your tickets and where they stand'},
      el('span', {class: 'glyphicon glyphicon-inbox'}), ' My tickets');
    link.addEventListener('click', event => {
      event.preventDefault();
      openDialog(api);
    });
    node.append(link);
    prefillStartForm(api).catch(() => { /* the requester types them */ });
    watchForStartedTickets(api);
  }
};

export default [myTicketsAction, conversationTab];
