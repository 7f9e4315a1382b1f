/** "/" puts the cursor in the page's search box, unless the reader is already typing somewhere. */

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

document.addEventListener('keydown', (event) => {
  if (
    event.key !== '/' ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    event.defaultPrevented ||
    isEditable(event.target)
  )
    return;
  const box = document.querySelector<HTMLInputElement>('[data-search-shortcut]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
