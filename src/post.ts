// GitHub Action entry point (post step): cleanup. Placeholder until the action issue lands.
export {};
