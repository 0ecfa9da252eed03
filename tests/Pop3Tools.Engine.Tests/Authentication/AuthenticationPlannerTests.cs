using Pop3Tools.Engine.Authentication;

namespace Pop3Tools.Engine.Tests.Authentication
{
    public class AuthenticationPlannerTests
    {
        private static readonly string[] Everything = { "PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256", "XOAUTH2", "OAUTHBEARER" };

        [Theory]
        [InlineData("PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256", true, true, Pop3AuthenticationMethod.ScramSha256)]
        [InlineData("PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1", true, true, Pop3AuthenticationMethod.ScramSha1)]
        [InlineData("PLAIN LOGIN CRAM-MD5", true, true, Pop3AuthenticationMethod.CramMd5)]
        [InlineData("PLAIN LOGIN", true, true, Pop3AuthenticationMethod.Apop)]
        [InlineData("PLAIN LOGIN", true, false, Pop3AuthenticationMethod.Plain)]
        [InlineData("LOGIN", true, false, Pop3AuthenticationMethod.Login)]
        [InlineData("", true, false, Pop3AuthenticationMethod.UserPass)]
        [InlineData("scram-sha-256 plain", false, false, Pop3AuthenticationMethod.ScramSha256)]
        public void AutoPicksTheStrongestOffered(string sasl, bool user, bool apop, Pop3AuthenticationMethod expected)
        {
            var mechanisms = sasl.Split(' ', StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(expected, AuthenticationPlanner.Choose(Pop3AuthenticationMethod.Auto, mechanisms, user, apop));
        }

        [Fact]
        public void AutoNeverPicksTokenMechanisms()
        {
            var tokenOnly = new[] { "XOAUTH2", "OAUTHBEARER" };

            Assert.Equal(Pop3AuthenticationMethod.UserPass, AuthenticationPlanner.Choose(Pop3AuthenticationMethod.Auto, tokenOnly, true, false));
            var failure = Assert.Throws<Pop3Exception>(() => AuthenticationPlanner.Choose(Pop3AuthenticationMethod.Auto, tokenOnly, false, false));
            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, failure.Kind);
            Assert.Contains("XOAUTH2, OAUTHBEARER", failure.Message);
        }

        [Fact]
        public void AutoWithNothingOfferedFails()
        {
            var failure = Assert.Throws<Pop3Exception>(() => AuthenticationPlanner.Choose(Pop3AuthenticationMethod.Auto, new string[0], false, false));

            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, failure.Kind);
        }

        [Theory]
        [InlineData(Pop3AuthenticationMethod.Plain)]
        [InlineData(Pop3AuthenticationMethod.Login)]
        [InlineData(Pop3AuthenticationMethod.CramMd5)]
        [InlineData(Pop3AuthenticationMethod.ScramSha1)]
        [InlineData(Pop3AuthenticationMethod.ScramSha256)]
        [InlineData(Pop3AuthenticationMethod.XOAuth2)]
        [InlineData(Pop3AuthenticationMethod.OAuthBearer)]
        [InlineData(Pop3AuthenticationMethod.UserPass)]
        [InlineData(Pop3AuthenticationMethod.Apop)]
        public void ExplicitMethodIsTakenWhenOffered(Pop3AuthenticationMethod method)
        {
            Assert.Equal(method, AuthenticationPlanner.Choose(method, Everything, true, true));
        }

        [Fact]
        public void ExplicitMethodNotOfferedFailsNamingWhatIs()
        {
            var failure = Assert.Throws<Pop3Exception>(() =>
                AuthenticationPlanner.Choose(Pop3AuthenticationMethod.ScramSha256, new[] { "PLAIN", "LOGIN" }, true, false));

            Assert.Equal(Pop3ErrorKind.AuthenticationFailed, failure.Kind);
            Assert.Contains("SCRAM-SHA-256", failure.Message);
            Assert.Contains("server offers: PLAIN, LOGIN, USER", failure.Message);
        }

        [Fact]
        public void ExplicitUserPassFollowsTheCallersJudgement()
        {
            // No CAPA at all: the caller says USER is worth trying.
            Assert.Equal(Pop3AuthenticationMethod.UserPass, AuthenticationPlanner.Choose(Pop3AuthenticationMethod.UserPass, new string[0], true, false));
            Assert.Throws<Pop3Exception>(() => AuthenticationPlanner.Choose(Pop3AuthenticationMethod.UserPass, new[] { "PLAIN" }, false, false));
        }

        [Fact]
        public void ExplicitApopNeedsATimestamp()
        {
            Assert.Throws<Pop3Exception>(() => AuthenticationPlanner.Choose(Pop3AuthenticationMethod.Apop, Everything, true, false));
        }

        [Theory]
        [InlineData(Pop3AuthenticationMethod.UserPass, "USER")]
        [InlineData(Pop3AuthenticationMethod.Apop, "APOP")]
        [InlineData(Pop3AuthenticationMethod.Plain, "PLAIN")]
        [InlineData(Pop3AuthenticationMethod.Login, "LOGIN")]
        [InlineData(Pop3AuthenticationMethod.CramMd5, "CRAM-MD5")]
        [InlineData(Pop3AuthenticationMethod.ScramSha1, "SCRAM-SHA-1")]
        [InlineData(Pop3AuthenticationMethod.ScramSha256, "SCRAM-SHA-256")]
        [InlineData(Pop3AuthenticationMethod.XOAuth2, "XOAUTH2")]
        [InlineData(Pop3AuthenticationMethod.OAuthBearer, "OAUTHBEARER")]
        public void MechanismNameIsTheIanaName(Pop3AuthenticationMethod method, string name)
        {
            Assert.Equal(name, AuthenticationPlanner.MechanismName(method));
        }

        [Theory]
        [InlineData(Pop3AuthenticationMethod.UserPass, "password in clear")]
        [InlineData(Pop3AuthenticationMethod.Plain, "password in clear")]
        [InlineData(Pop3AuthenticationMethod.Login, "password in clear")]
        [InlineData(Pop3AuthenticationMethod.XOAuth2, "access token")]
        [InlineData(Pop3AuthenticationMethod.OAuthBearer, "access token")]
        [InlineData(Pop3AuthenticationMethod.Apop, "offline")]
        [InlineData(Pop3AuthenticationMethod.CramMd5, "offline")]
        [InlineData(Pop3AuthenticationMethod.ScramSha1, "offline")]
        [InlineData(Pop3AuthenticationMethod.ScramSha256, "offline")]
        public void EachMethodSaysWhatWouldCrossTheWire(Pop3AuthenticationMethod method, string expected)
        {
            Assert.Contains(expected, AuthenticationPlanner.WhatCrossesTheWire(method));
        }

        [Fact]
        public void AutoHasNoMechanismName()
        {
            Assert.Throws<ArgumentException>(() => AuthenticationPlanner.MechanismName(Pop3AuthenticationMethod.Auto));
        }
    }
}
