// The plugin page's toggles: ask the API for the plan (a dry run), show it in a dialog, and post the change with the
// page's form when the admin confirms. Without scripts the toggle opens the confirm page instead.
document.addEventListener('alpine:init', () => {
  window.Alpine.data('pluginToggles', () => ({
    plan: null,
    error: '',
    title: '',
    target: '',
    action: 'enable',
    platform: '',
    code: '',
    release: false,
    async ask(form) {
      this.platform = form.dataset.platform;
      this.code = form.dataset.code;
      this.action = form.dataset.action;
      this.release = false;
      this.target = form.getAttribute('action');
      this.title = `${this.action === 'enable' ? 'Enable' : 'Disable'} ${this.code} on ${this.platform}?`;
      await this.refresh();
      this.$refs.dialog.showModal();
    },
    async refresh() {
      this.plan = null;
      this.error = '';
      const url = `/api/v1/admin/platforms/${encodeURIComponent(this.platform)}/plugins/${encodeURIComponent(this.code)}/${this.action}`;
      try {
        const response = await fetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'x-csrf-token': this.$root.dataset.csrf,
          },
          body: JSON.stringify({ dryRun: true, release: this.release }),
        });
        const body = await response.json();
        if (!response.ok)
          this.error = `${body.error?.code ?? response.status}: ${body.error?.message ?? 'the plan could not be computed'}`;
        else this.plan = body.plan;
      } catch (error) {
        this.error = `The plan could not be loaded: ${error.message}`;
      }
    },
  }));
});
