// Sign in and register: two tabs over two forms.
import * as api from "../api.js";
import { $ } from "../dom.js";

let success = () => {};

export function onSuccess(fn) {
  success = fn;
}

export function init() {
  const tabs = [$("#tab-login"), $("#tab-register")];
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      $(`#${t.getAttribute("aria-controls")}`).hidden = !on;
    }
  };
  for (const t of tabs) {
    t.addEventListener("click", () => select(t));
    t.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        const next = tabs[(tabs.indexOf(t) + 1) % tabs.length];
        select(next);
        next.focus();
      }
    });
  }

  $("#login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    submit("login", async () => {
      await api.login($("#login-email").value.trim(), $("#login-password").value);
    });
  });
  $("#register-form").addEventListener("submit", (e) => {
    e.preventDefault();
    submit("register", async () => {
      await api.register(
        $("#register-email").value.trim(),
        $("#register-password").value,
        $("#register-name").value.trim(),
      );
    });
  });
}

async function submit(kind, action) {
  const form = $(`#${kind}-form`);
  const error = $(`#${kind}-error`);
  const button = $(`#${kind}-submit`);
  error.hidden = true;
  const problem = validate(kind);
  if (problem) {
    showError(error, problem.message);
    problem.input.setAttribute("aria-invalid", "true");
    problem.input.focus();
    return;
  }
  for (const i of form.querySelectorAll("input")) i.removeAttribute("aria-invalid");
  button.disabled = true;
  try {
    await action();
    $(`#${kind}-password`).value = "";
    await success();
  } catch (e) {
    showError(error, messageFor(kind, e));
  } finally {
    button.disabled = false;
  }
}

function validate(kind) {
  const email = $(`#${kind}-email`);
  const password = $(`#${kind}-password`);
  if (!email.value.trim() || !email.checkValidity()) return { input: email, message: "Enter a valid email address." };
  if (!password.value) return { input: password, message: "Enter your password." };
  if (kind === "register" && (password.value.length < 10 || password.value.length > 128)) {
    return { input: password, message: "Choose a password of 10 to 128 characters." };
  }
  return null;
}

function messageFor(kind, e) {
  if (e.network) return "The server cannot be reached. Check that Creator Studio is running.";
  if (kind === "login" && (e.status === 401 || e.status === 403)) return "That email and password do not match.";
  if (e.status === 429) return `Too many attempts. ${e.message || "Wait a moment and try again."}`;
  if (kind === "register" && e.status === 409) return "An account with that email already exists.";
  return e.message || "Something went wrong.";
}

function showError(el, text) {
  el.textContent = text;
  el.hidden = false;
}

export function show() {
  setTimeout(() => $("#login-email")?.focus(), 0);
}
