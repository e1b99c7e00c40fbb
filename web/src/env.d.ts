/// <reference types="vite/client" />
// Stylesheets are imported for their side effect; Vite bundles them into external CSS files.
declare module '*.css';
