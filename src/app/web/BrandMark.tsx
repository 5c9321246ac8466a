/** The platform's mark: a globe with a leaf-green dot; decorative next to the name. */
export function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0d3f37" />
      <circle cx="16" cy="16" r="9" fill="none" stroke="#fff" strokeWidth="2.2" />
      <path
        d="M7.5 16h17M16 7c-3 2.6-3 15.4 0 18M16 7c3 2.6 3 15.4 0 18"
        fill="none"
        stroke="#fff"
        strokeWidth="1.6"
      />
      <circle cx="22.5" cy="10" r="3.2" fill="#8fe3b0" />
    </svg>
  );
}
