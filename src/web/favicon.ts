/** The tab icon, served from /favicon.svg: a pulse line on NHS blue, drawn as paths so it needs no font. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#005eb8"/>
<path d="M3 17h7l3-8 5 15 3-7h8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;
