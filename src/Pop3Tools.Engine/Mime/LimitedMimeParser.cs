using System.IO;
using MimeKit;

namespace Pop3Tools.Engine.Mime
{
    /// <summary>
    /// MimeKit's parser with the limits of <see cref="MimeLimits"/> enforced as it goes:
    /// each message and part is checked when it begins, so a hostile structure stops
    /// the parse at the first level or part too many, before the rest is read.
    /// </summary>
    internal sealed class LimitedMimeParser : MimeParser
    {
        private int depth;
        private int parts;

        public LimitedMimeParser(Stream stream, bool persistent)
            : base(MimeLimits.Options, stream, persistent)
        {
        }

        protected override void OnMimeMessageBegin(MimeMessageBeginEventArgs args)
        {
            Enter();
            MimeLimits.CheckHeaders(args.Message.Headers);
            base.OnMimeMessageBegin(args);
        }

        protected override void OnMimeMessageEnd(MimeMessageEndEventArgs args)
        {
            depth--;
            base.OnMimeMessageEnd(args);
        }

        protected override void OnMimeEntityBegin(MimeEntityBeginEventArgs args)
        {
            Enter();
            if (++parts > MimeLimits.MaxParts)
            {
                throw MimeLimits.Exceeded("has more than " + MimeLimits.MaxParts + " MIME parts", MimeLimits.MaxParts + " parts");
            }

            MimeLimits.CheckHeaders(args.Entity.Headers);
            base.OnMimeEntityBegin(args);
        }

        protected override void OnMimeEntityEnd(MimeEntityEndEventArgs args)
        {
            depth--;
            base.OnMimeEntityEnd(args);
        }

        private void Enter()
        {
            if (++depth > MimeLimits.MaxDepth)
            {
                throw MimeLimits.Exceeded("nests messages and parts more than " + MimeLimits.MaxDepth + " levels deep", MimeLimits.MaxDepth + " levels");
            }
        }
    }
}
