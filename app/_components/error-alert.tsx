/** A failure's message, announced where the user acted; nothing while there is none. */
export function ErrorAlert({ message, className }: { message: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={className ? `error ${className}` : 'error'}>
      {message}
    </p>
  );
}
